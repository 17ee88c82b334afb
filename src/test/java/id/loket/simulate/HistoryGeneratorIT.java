package id.loket.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.AppContext;
import id.loket.audit.model.AuditReport;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.OutboxEvent;
import id.loket.common.i18n.Messages;
import id.loket.receipt.model.ReceiptNumber;
import id.loket.report.model.ReportDefinition;
import id.loket.report.service.ReportService;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.service.Authorization;
import id.loket.testing.HistoryGenerator;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history generator of the benchmarks ({@code bench/history}): a simulated day copied back
 * onto the working days before it passes the rules the simulated day passes, day by day, and
 * the audit trail over the whole history is intact and in the order things happened.
 */
class HistoryGeneratorIT {

    private static final int DAYS = 6;

    @TempDir
    static Path dir;

    private static SimulatedCentral central;
    private static SimulatedDay day;
    private static HistoryGenerator.Made made;
    private static AppContext app;
    private static Session supervisor;

    @BeforeAll
    static void simulateADayAndItsHistory() {
        central = new SimulatedCentral(5, 120);
        day = SimulatedDay.run(central, dir.resolve("office"), SimulatedDay.settings(3, 11), DaySimulator.Listener.NONE);
        made = HistoryGenerator.copyBack(dir.resolve("office"), DAYS);
        app = AppContext.open(dir.resolve("office"), Clock.systemUTC(), Messages.forLanguage("en"));
        supervisor = app.auth().trainingSession("supervisor", Role.SUPERVISOR, "S");
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
        central.close();
    }

    private static DSLContext dsl() {
        return app.caseWork(Clock.systemUTC()).db().dsl();
    }

    private static List<LocalDate> historyDates() {
        return dsl().fetch("SELECT DISTINCT case_date FROM case_file WHERE case_date < ? ORDER BY case_date", SimulatedCentral.DAY)
                .getValues(0, LocalDate.class);
    }

    @Test
    void theHistoryLiesOnTheWorkingDaysBeforeTheDay() {
        // 2026-11-27 is a Friday: six working days back skip the weekend of the 21st and 22nd
        assertThat(historyDates()).containsExactly(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26));
        assertThat(historyDates()).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(made.first()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(made.last()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(made.outboxEvents()).isEqualTo((long) day.events().size() * (DAYS + 1));
    }

    @Test
    void everyHistoryDayIsTheDayItselfOnItsOwnDateWithinOfficeHours() {
        Map<CaseStatus, Long> statuses = statuses(day);
        Set<String> seen = new HashSet<>(day.cases().keySet());
        for (LocalDate date : historyDates()) {
            SimulatedDay copy = SimulatedDay.snapshot(app, null, Duration.ZERO, date);
            assertThat(copy.cases()).as("cases of %s", date).hasSameSizeAs(day.cases());
            assertThat(statuses(copy)).as("statuses of %s", date).isEqualTo(statuses);
            assertThat(copy.cases().keySet()).as("the case refs of %s are its own", date).doesNotContainAnyElementsOf(seen);
            seen.addAll(copy.cases().keySet());

            List<ZonedDateTime> times = new ArrayList<>();
            copy.histories().values().forEach(h -> h.forEach(e -> times.add(e.at().atZoneSameInstant(SimulatedCentral.ZONE))));
            copy.cases().values().forEach(c -> times.add(c.checkedInAt().atZoneSameInstant(SimulatedCentral.ZONE)));
            assertThat(times).as("times of %s", date).isNotEmpty().allSatisfy(t -> {
                assertThat(t.toLocalDate()).isEqualTo(date);
                assertThat(OfficeHours.DENPASAR.contains(t.toLocalTime())).as("%s within office hours", t).isTrue();
            });
        }
    }

    @Test
    void eachCasesEventsAreTheTemplateCasesInTheSameOrderAndOnTheirDay() {
        List<OutboxEvent> all = app.cases().allEvents(supervisor);
        Map<String, List<OutboxEvent>> byCase = all.stream().collect(Collectors.groupingBy(OutboxEvent::caseRef));
        List<LocalDate> daysInOrder = all.stream()
                .map(e -> e.occurredAt().atZoneSameInstant(SimulatedCentral.ZONE).toLocalDate()).toList();
        assertThat(daysInOrder).as("the outbox in the order things happened, day by day").isSorted();
        assertThat(all).extracting(OutboxEvent::eventId).doesNotHaveDuplicates();
        for (LocalDate date : historyDates()) {
            SimulatedDay copy = SimulatedDay.snapshot(app, null, Duration.ZERO, date);
            for (CaseFile c : copy.cases().values()) {
                String template = day.cases().keySet().stream().filter(ref -> ref.substring(8).equals(c.caseRef().substring(8)))
                        .findFirst().orElseThrow();
                assertThat(byCase.get(c.caseRef())).extracting(OutboxEvent::type)
                        .isEqualTo(day.events().stream().filter(e -> e.caseRef().equals(template)).map(OutboxEvent::type).toList());
                assertThat(byCase.get(c.caseRef())).allSatisfy(e -> {
                    assertThat(e.occurredAt().atZoneSameInstant(SimulatedCentral.ZONE).toLocalDate()).isEqualTo(date);
                    assertThat(e.payload()).contains(e.eventId()).contains(c.caseRef()).doesNotContain(template)
                            .doesNotContain(SimulatedCentral.DAY.toString());
                });
            }
        }
    }

    @Test
    void theAuditTrailOverTheWholeHistoryIsIntactAndInTheOrderThingsHappened() {
        AuditReport report = app.auditVerifier().verify(supervisor);

        assertThat(report.outcome()).isEqualTo(AuditReport.Outcome.INTACT);
        assertThat(report.entries()).as("the history, and what the tests here did after it").isGreaterThanOrEqualTo(made.auditRows());
        List<LocalDate> daysInChainOrder = dsl().fetch("SELECT at FROM audit_log WHERE case_ref <> '' ORDER BY seq")
                .getValues(0, java.time.OffsetDateTime.class).stream()
                .map(t -> t.atZoneSameInstant(SimulatedCentral.ZONE).toLocalDate()).toList();
        assertThat(daysInChainOrder).isSorted().contains(SimulatedCentral.DAY, LocalDate.of(2026, 11, 19));
    }

    @Test
    void receiptNumbersAndBookingCodesAreOfTheirDayAndNeverRepeat() {
        List<org.jooq.Record> receipts = dsl().fetch("SELECT receipt_number, receipt_date FROM case_receipt");
        assertThat(receipts).hasSize(statuses(day).getOrDefault(CaseStatus.RECEIPT_ISSUED, 0L).intValue() * (DAYS + 1));
        assertThat(receipts).allSatisfy(r -> assertThat(ReceiptNumber.parse(r.get(0, String.class)).date())
                .isEqualTo(r.get(1, LocalDate.class)));
        assertThat(receipts).extracting(r -> r.get(0, String.class)).doesNotHaveDuplicates();
        List<String> codes = dsl().fetch("SELECT booking_code FROM appointment").getValues(0, String.class);
        assertThat(codes).hasSize(central.store().latest(SimulatedCentral.OFFICE, SimulatedCentral.DAY).size() * (DAYS + 1))
                .allSatisfy(c -> assertThat(c).matches("DPS[A-HJ-NP-Z2-9]{7}")).doesNotHaveDuplicates();
    }

    @Test
    void theDailySummaryOfAHistoryDayIsTheDaysOwn() {
        ReportService reports = new ReportService(app.reportReader(), dsl(), SimulatedCentral.OFFICE, SimulatedCentral.ZONE,
                Clock.systemUTC(), new Authorization(app.caseWork(Clock.systemUTC()).db()));
        ReportDefinition summary = app.reportCatalogue().get("daily-summary");
        Function<LocalDate, List<Map<String, Object>>> rows = date -> reports.run(supervisor, summary,
                reports.parameters(summary, Map.of("date", date.toString()))).rows();

        List<Map<String, Object>> template = rows.apply(SimulatedCentral.DAY);
        assertThat(template).isNotEmpty();
        for (LocalDate date : historyDates()) {
            assertThat(rows.apply(date)).as("daily summary of %s", date).isEqualTo(template);
        }
    }

    private static Map<CaseStatus, Long> statuses(SimulatedDay d) {
        return d.cases().values().stream().collect(Collectors.groupingBy(CaseFile::status, Collectors.counting()));
    }
}
