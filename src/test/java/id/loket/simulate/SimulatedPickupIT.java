package id.loket.simulate;

import id.loket.testing.TestSessions;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.AppContext;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.common.i18n.Messages;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.Receipt;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts and pickups in simulated days: a day issues the receipt of every approved case, and a
 * later day simulated in the same data folder marks those passports ready in the morning and
 * hands them over to the applicants (or their representatives) who come back.
 */
class SimulatedPickupIT {

    private static final long SEED = 11;
    /** Friday 27 November 2026: its receipts can be collected on Thursday 3 December (4 working days on). */
    private static final LocalDate FIRST = SimulatedCentral.DAY;
    private static final LocalDate PICKUP = LocalDate.of(2026, 12, 3);
    /** Friday 4 December: 5 working days after the first day. */
    private static final LocalDate SECOND = LocalDate.of(2026, 12, 4);

    @TempDir
    static Path dir;

    private static SimulatedCentral central;
    private static SimulatedDay first;
    private static List<Receipt> afterFirst;
    private static SimulatedDay second;
    private static List<Receipt> afterSecond;

    @BeforeAll
    static void simulateTwoDays() {
        central = new SimulatedCentral(5, 150);
        Path folder = dir.resolve("office");
        first = SimulatedDay.run(central, folder, settings(FIRST), DaySimulator.Listener.NONE);
        afterFirst = receipts(folder);
        second = SimulatedDay.run(central, folder, settings(SECOND), DaySimulator.Listener.NONE);
        afterSecond = receipts(folder);
    }

    @AfterAll
    static void stopCentral() {
        central.close();
    }

    @Test
    void aDayIssuesAReceiptForEveryApprovedCaseWithPickupFourWorkingDaysLater() {
        List<CaseFile> approved = first.cases().values().stream()
                .filter(c -> first.histories().get(c.caseRef()).stream().anyMatch(e -> e.to() == CaseStatus.APPROVED)).toList();
        assertThat(approved).hasSizeGreaterThan(first.cases().size() / 2)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CaseStatus.RECEIPT_ISSUED));
        assertThat(first.events()).filteredOn(e -> e.type() == EventType.RECEIPT_ISSUED).hasSize(approved.size());
        assertThat(first.summary().receiptsIssued()).isEqualTo(approved.size());
        assertThat(first.summary().refusedSteps()).isZero();
        assertThat(afterFirst).hasSize(approved.size()).allSatisfy(r -> {
            assertThat(r.receiptDate()).isEqualTo(FIRST);
            assertThat(r.pickupDate()).isEqualTo(PICKUP);
            assertThat(r.receiptNumber()).startsWith("TT-DPS-20261127-");
            assertThat(r.issuedBy()).isEqualTo(DaySimulator.RECEIPT_DESK.username());
        });
        // the fee is settled before every receipt: paid at central, or the NTPN from the applicant's proof recorded first
        assertThat(approved).as("some bookings are unpaid at central: the NTPN is recorded at the desk")
                .anyMatch(c -> c.paymentNtpn() != null).anyMatch(c -> c.paymentNtpn() == null);
        approved.forEach(c -> {
            List<CaseAction> actions = first.histories().get(c.caseRef()).stream().map(AuditEntry::action).toList();
            assertThat(actions).endsWith(CaseAction.ISSUE_RECEIPT);
            if (actions.contains(CaseAction.RECORD_PAYMENT)) {
                assertThat(actions).containsSubsequence(CaseAction.APPROVE, CaseAction.RECORD_PAYMENT, CaseAction.ISSUE_RECEIPT);
            }
        });
    }

    @Test
    void aLaterDayInTheSameFolderMarksTheFirstDaysPassportsReadyAndHandsSomeOver() {
        Map<String, Receipt> byCase = afterSecond.stream().filter(r -> r.receiptDate().equals(FIRST))
                .collect(Collectors.toMap(Receipt::caseRef, Function.identity()));
        assertThat(byCase).hasSize(afterFirst.size());
        assertThat(byCase.values()).allSatisfy(r -> {
            assertThat(r.readyAt()).isNotNull();
            ZonedDateTime ready = r.readyAt().atZoneSameInstant(SimulatedCentral.ZONE);
            assertThat(ready.toLocalDate()).isEqualTo(SECOND);
            assertThat(ready.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        });
        List<Receipt> handed = byCase.values().stream().filter(Receipt::handedOver).toList();
        assertThat(handed).hasSizeGreaterThan(byCase.size() / 2).hasSizeLessThan(byCase.size());
        assertThat(handed).extracting(Receipt::collectedBy).contains(CollectedBy.SELF, CollectedBy.REPRESENTATIVE);
        assertThat(handed).allSatisfy(r -> {
            assertThat(r.passportNumber()).matches("[A-Z][0-9]{7}");
            ZonedDateTime at = r.handedOverAt().atZoneSameInstant(SimulatedCentral.ZONE);
            assertThat(at.toLocalDate()).isEqualTo(SECOND);
            assertThat(at.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(15, 30));
            if (r.collectedBy() == CollectedBy.REPRESENTATIVE) {
                assertThat(r.representativeName()).isNotBlank();
                assertThat(id.loket.common.model.Nik.isValid(r.representativeNik())).isTrue();
            } else {
                assertThat(r.representativeName()).isNull();
            }
        });
        Map<String, Long> handOvers = second.events().stream().filter(e -> e.type() == EventType.HANDED_OVER)
                .collect(Collectors.groupingBy(OutboxEvent::caseRef, Collectors.counting()));
        assertThat(handOvers.keySet()).containsExactlyInAnyOrderElementsOf(handed.stream().map(Receipt::caseRef).toList());
        assertThat(handOvers.values()).containsOnly(1L);
        assertThat(second.events()).filteredOn(e -> e.type() == EventType.READY_FOR_PICKUP).hasSize(byCase.size());
        assertThat(second.summary().passportsReady()).isEqualTo(byCase.size());
        assertThat(second.summary().handedOver()).isEqualTo(handed.size());
        assertThat(second.summary().refusedSteps()).isZero();
        // the second day's own cases get their receipts too
        assertThat(second.summary().receiptsIssued()).isPositive();
    }

    @Test
    void theSecondDayStoppedAtElevenAndRunAgainEndsAsTheUninterruptedOne() {
        Path folder = dir.resolve("stopped");
        SimulatedDay.run(central, folder, settings(FIRST), DaySimulator.Listener.NONE);
        SimulatedDay.run(central, folder, settings(SECOND).withUntil(LocalTime.of(11, 0)), DaySimulator.Listener.NONE);
        SimulatedDay resumed = SimulatedDay.run(central, folder, settings(SECOND), DaySimulator.Listener.NONE);
        SimulatedDay third = SimulatedDay.run(central, folder, settings(SECOND), DaySimulator.Listener.NONE);

        assertThat(pickups(receipts(folder))).isEqualTo(pickups(afterSecond));
        assertThat(resumed.summary().handedOver()).isEqualTo(second.summary().handedOver());
        assertThat(third.events()).as("a finished day run again changes nothing").isEqualTo(resumed.events());
        assertThat(resumed.events().stream().filter(e -> e.type() == EventType.HANDED_OVER).count())
                .isEqualTo(second.events().stream().filter(e -> e.type() == EventType.HANDED_OVER).count());
    }

    // ---- helpers ----

    private static SimulationSettings settings(LocalDate date) {
        return SimulationSettings.wholeDay(SimulatedCentral.OFFICE, date, SimulatedCentral.ZONE, 4, SEED);
    }

    private static List<Receipt> receipts(Path folder) {
        try (AppContext app = AppContext.open(folder, Clock.systemUTC(), Messages.forLanguage("en"))) {
            return app.pickup(Clock.systemUTC()).dueBy(TestSessions.reader(app.caseWork(Clock.systemUTC()).db()), SimulatedCentral.OFFICE, FIRST.plusYears(1));
        }
    }

    /** Per receipt: its number, when it was ready and handed over, to whom, the passport number. */
    private static List<String> pickups(List<Receipt> receipts) {
        return receipts.stream().map(r -> r.receiptNumber() + " " + r.caseRef() + " " + r.pickupDate() + " " + r.readyAt() + " "
                + r.handedOverAt() + " " + r.collectedBy() + " " + r.representativeName() + " " + r.passportNumber()).toList();
    }
}
