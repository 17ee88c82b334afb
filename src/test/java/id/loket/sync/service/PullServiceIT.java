package id.loket.sync.service;

import id.loket.testing.TestSessions;
import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.central.CentralClient;
import id.loket.central.sim.Fault;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.sync.model.PullReport;
import id.loket.sync.repo.SyncRepository;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** Pulling from the simulator over real HTTP into a real H2 file. */
class PullServiceIT {

    private static final int PAGE = 50;
    private static final RetrySettings FAST_RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private Database db;

    @BeforeEach
    void start() {
        central = new SimulatedCentral(7, 250);
        db = Database.openFolder(dir);
    }

    @AfterEach
    void stop() {
        db.close();
        central.close();
    }

    private PullService service(CentralClient client, RetrySettings retry) {
        return new PullService(db, client, retry, Clock.system(SimulatedCentral.ZONE), Messages.forLanguage("en"), PAGE, TestSessions.system(db));
    }

    private PullReport pull(RetrySettings retry) {
        return service(central.client(Duration.ofSeconds(5)), retry).pull(OFFICE, DAY, 1, PullService.Listener.NONE);
    }

    private List<Appointment> local() {
        return sorted(new AppointmentRepository(db.dsl()).findByDate(OFFICE, DAY));
    }

    private List<Appointment> centralLatest() {
        return sorted(central.store().latest(OFFICE, DAY));
    }

    private static List<Appointment> sorted(List<Appointment> list) {
        return list.stream().sorted(Comparator.comparing(Appointment::id)).toList();
    }

    @Test
    void pullsEveryPageOfTheDayAndStoresCentralsStateExactly() {
        PullReport report = pull(FAST_RETRY);

        assertThat(report.complete()).isTrue();
        assertThat(report.pages()).isEqualTo(5);
        assertThat(report.received()).isEqualTo(250);
        assertThat(report.applied()).isEqualTo(250);
        assertThat(local()).isEqualTo(centralLatest());
    }

    @Test
    void secondPullTransfersOnlyWhatChanged() {
        pull(FAST_RETRY);
        List<Appointment> day = centralLatest();
        central.store().update(day.get(0).id(), a -> withStatus(a, AppointmentStatus.CANCELLED));
        central.store().update(day.get(1).id(), a -> withPayment(a, PaymentStatus.PAID));
        central.store().update(day.get(2).id(), a -> a);

        PullReport second = pull(FAST_RETRY);

        assertThat(second.received()).isEqualTo(3);
        assertThat(second.applied()).isEqualTo(3);
        assertThat(local()).isEqualTo(centralLatest());
        assertThat(pull(FAST_RETRY).received()).isZero();
    }

    @Test
    void redeliveredItemIsIgnored() {
        pull(FAST_RETRY);
        Appointment one = centralLatest().get(5);
        central.store().redeliver(one.id(), 1);

        PullReport again = pull(FAST_RETRY);

        assertThat(again.received()).isEqualTo(1);
        assertThat(again.ignored()).isEqualTo(1);
        assertThat(again.applied()).isZero();
        assertThat(local()).isEqualTo(centralLatest());
    }

    @Test
    void staleVersionArrivingAfterANewerOneIsIgnored() {
        Appointment one = centralLatest().get(9);
        central.store().update(one.id(), a -> withStatus(a, AppointmentStatus.CANCELLED));
        central.store().redeliver(one.id(), 1);

        PullReport report = pull(FAST_RETRY);

        assertThat(report.received()).isEqualTo(252);
        assertThat(report.ignored()).isEqualTo(1);
        Appointment stored = new AppointmentRepository(db.dsl()).findById(one.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void interruptedPullResumesAfterTheLastPageApplied() {
        central.sim().injectNext(Fault.pass(), Fault.pass(), Fault.of(Fault.Kind.SERVER_ERROR));

        PullReport first = pull(RetrySettings.none());

        assertThat(first.complete()).isFalse();
        assertThat(first.applied()).isEqualTo(2 * PAGE);
        assertThat(local()).hasSize(2 * PAGE);
        PullReport resumed = pull(RetrySettings.none());
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.received()).isEqualTo(250 - 2 * PAGE);
        assertThat(local()).isEqualTo(centralLatest());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.Kind.class, names = {"UNAVAILABLE", "THROTTLED", "SERVER_ERROR", "DROP", "TRUNCATED", "MALFORMED", "SLOW"})
    void badResponseAppliesNothingSaysWhatHappenedAndTheNextPullCompletes(Fault.Kind kind) {
        central.sim().injectNext(kind == Fault.Kind.SLOW ? Fault.slow(Duration.ofSeconds(3)) : Fault.of(kind));
        PullService withShortTimeout = service(central.client(Duration.ofSeconds(1)), RetrySettings.none());

        PullReport failed = withShortTimeout.pull(OFFICE, DAY, 1, PullService.Listener.NONE);

        assertThat(failed.complete()).isFalse();
        assertThat(failed.failure().orElseThrow()).doesNotContain("\n").contains(expectedWords(kind));
        assertThat(local()).isEmpty();
        assertThat(new SyncRepository(db.dsl()).cursor(OFFICE, DAY)).isEmpty();
        PullReport next = pull(RetrySettings.none());
        assertThat(next.complete()).isTrue();
        assertThat(local()).isEqualTo(centralLatest());
    }

    private static String expectedWords(Fault.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> "HTTP 503";
            case THROTTLED -> "HTTP 429";
            case SERVER_ERROR -> "HTTP 500";
            case DROP -> "Cannot reach central";
            case TRUNCATED, MALFORMED -> "broken or cut short";
            case SLOW -> "did not answer within 1 seconds";
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    @Test
    void passingFaultsAreRetriedAndThePullCompletes() {
        central.sim().injectNext(Fault.of(Fault.Kind.SERVER_ERROR), Fault.of(Fault.Kind.DROP), Fault.of(Fault.Kind.TRUNCATED));

        PullReport report = pull(FAST_RETRY);

        assertThat(report.complete()).isTrue();
        assertThat(local()).isEqualTo(centralLatest());
    }

    @Test
    void retriesAreBounded() {
        central.sim().injectNext(Fault.unavailable(0), Fault.unavailable(0), Fault.unavailable(0), Fault.unavailable(0));
        int before = central.sim().requestCount();

        PullReport report = pull(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)));

        assertThat(report.complete()).isFalse();
        assertThat(central.sim().requestCount() - before).isEqualTo(3);
    }

    @Test
    void retryAfterIsHonoured() {
        central.sim().injectNext(Fault.throttled(1));
        long started = System.nanoTime();

        PullReport report = pull(FAST_RETRY);

        assertThat(report.complete()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterLongerThanWeWaitEndsThePullAtOnce() {
        central.sim().injectNext(Fault.throttled(3600));
        int before = central.sim().requestCount();

        PullReport report = pull(FAST_RETRY);

        assertThat(report.complete()).isFalse();
        assertThat(report.failure().orElseThrow()).contains("wait 3600 seconds");
        assertThat(central.sim().requestCount() - before).isEqualTo(1);
    }

    @Test
    void wrongTokenIsRefusedWithoutRetrying() {
        int before = central.sim().requestCount();

        PullReport report = service(central.clientWithToken("wrong"), FAST_RETRY).pull(OFFICE, DAY, 1, PullService.Listener.NONE);

        assertThat(report.failure().orElseThrow()).contains("refused this office's token").contains("401");
        assertThat(central.sim().requestCount() - before).isEqualTo(1);
        assertThat(local()).isEmpty();
    }

    @Test
    void unknownOfficeIsReported() {
        PullReport report = service(central.client(Duration.ofSeconds(5)), FAST_RETRY).pull("XYZ", DAY, 1, PullService.Listener.NONE);

        assertThat(report.failure().orElseThrow()).contains("404");
    }

    @Test
    void centralThatIsDownIsReportedAsUnreachable() {
        central.sim().goDown();

        PullReport report = pull(new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5)));

        assertThat(report.failure().orElseThrow()).contains("Cannot reach central");
    }

    @Test
    void itemsThatBreakTheContractAreSetAsideAndTheRestIsApplied() {
        Appointment model = centralLatest().get(0);
        String badNik = "9971011708900001";
        Appointment nik = copy(model, badNik, model.applicant().fullName(), model.applicant().sex());
        Appointment longName = copy(model, model.applicant().nik(), "A".repeat(201), model.applicant().sex());
        Appointment noSex = copy(model, model.applicant().nik(), "Sukarno", null);
        central.store().publish(nik);
        central.store().publish(longName);
        central.store().publish(noSex);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);

        PullReport report;
        try {
            report = pull(FAST_RETRY);
        } finally {
            root.detachAppender(logs);
        }

        assertThat(report.complete()).isTrue();
        assertThat(report.applied()).isEqualTo(250);
        assertThat(report.rejected()).extracting(r -> r.itemId())
                .containsExactly(nik.id(), longName.id(), noSex.id());
        assertThat(report.rejected().get(0).reason()).contains("applicant.nik").contains("province").doesNotContain(badNik);
        assertThat(report.rejected().get(1).reason()).contains("applicant.fullName").contains("201");
        assertThat(report.rejected().get(2).reason()).contains("applicant.sex");
        assertThat(new SyncRepository(db.dsl()).rejected(OFFICE, DAY)).hasSize(3);
        assertThat(local()).extracting(Appointment::id).doesNotContain(nik.id(), longName.id(), noSex.id());
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(badNik));
    }

    @Test
    void absurdlyLongValuesAreSetAsideWithoutSpoilingThePage() {
        Appointment model = centralLatest().get(0);
        Appointment hugeId = new Appointment("x".repeat(5000), 1, "B".repeat(5000), model.office(), model.date(), model.slotStart(),
                model.slotEnd(), model.status(), null, model.service(), model.passportType(), 10, false, model.applicant(),
                model.payment(), null);
        central.store().publish(hugeId);

        PullReport report = pull(FAST_RETRY);

        assertThat(report.complete()).isTrue();
        assertThat(report.applied()).isEqualTo(250);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.itemId()).startsWith("xxxx").hasSizeLessThan(100);
            assertThat(r.reason()).contains("id:");
        });
    }

    @Test
    void pagesAnsweredQuicklyAreAppliedTogetherAndASlowNextPageDoesNotHoldBackThoseBeforeIt() {
        // page 2 of 5 keeps the pull waiting longer than GROUP_WAIT; the others come at once
        central.sim().injectNext(Fault.pass(), Fault.slow(PullService.GROUP_WAIT.plusSeconds(2)));
        List<Integer> progress = new ArrayList<>();

        PullReport report = service(central.client(Duration.ofSeconds(10)), FAST_RETRY)
                .pull(OFFICE, DAY, 1, (date, dayIndex, days, received) -> progress.add(received));

        assertThat(report.complete()).isTrue();
        assertThat(progress).as("page 1 applied while page 2 was late, then pages 2 to 5 in one group").containsExactly(PAGE, 250);
        assertThat(local()).isEqualTo(centralLatest());
    }

    @Test
    void aDayLargerThanAGroupIsAppliedGroupByGroupAndAFaultKeepsWhatWasFetchedBeforeIt() {
        int count = PullService.GROUP_ITEMS + 300;
        int page = 200;
        try (SimulatedCentral big = new SimulatedCentral(11, count)) {
            // the eleventh page is fetched while the first ten are applied; the twelfth fails
            Fault[] script = new Fault[12];
            java.util.Arrays.fill(script, Fault.pass());
            script[11] = Fault.of(Fault.Kind.SERVER_ERROR);
            big.sim().injectNext(script);
            List<Integer> progress = new ArrayList<>();
            PullService service = new PullService(db, big.client(Duration.ofSeconds(5)), RetrySettings.none(),
                    Clock.system(SimulatedCentral.ZONE), Messages.forLanguage("en"), page, TestSessions.system(db));

            PullReport first = service.pull(OFFICE, DAY, 1, (date, dayIndex, days, received) -> progress.add(received));

            assertThat(first.complete()).isFalse();
            assertThat(progress).as("progress once a group, then once for the page fetched before the fault")
                    .containsExactly(PullService.GROUP_ITEMS, PullService.GROUP_ITEMS + page);
            assertThat(first.applied()).isEqualTo(PullService.GROUP_ITEMS + page);
            assertThat(new AppointmentRepository(db.dsl()).countByDate(OFFICE, DAY)).isEqualTo(PullService.GROUP_ITEMS + page);

            PullReport resumed = service.pull(OFFICE, DAY, 1, PullService.Listener.NONE);
            assertThat(resumed.complete()).isTrue();
            assertThat(resumed.received()).isEqualTo(count - PullService.GROUP_ITEMS - page);
            assertThat(sorted(new AppointmentRepository(db.dsl()).findByDate(OFFICE, DAY)))
                    .isEqualTo(sorted(big.store().latest(OFFICE, DAY)));
        }
    }

    @Test
    void pullsSeveralDays() {
        PullReport report = service(central.client(Duration.ofSeconds(5)), FAST_RETRY).pull(OFFICE, DAY, 3, PullService.Listener.NONE);

        assertThat(report.dates()).containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2));
        assertThat(report.applied()).isEqualTo(750);
        assertThat(new AppointmentRepository(db.dsl()).countByDate(OFFICE, DAY.plusDays(2))).isEqualTo(250);
    }

    private static Appointment copy(Appointment a, String nik, String name, id.loket.common.model.Sex sex) {
        Applicant p = a.applicant();
        return new Appointment(UUID.randomUUID().toString(), 1, a.bookingCode() + "X", a.office(), a.date(), a.slotStart(),
                a.slotEnd(), a.status(), a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(),
                new Applicant(nik, name, p.birthDate(), p.birthPlace(), sex, p.married(), p.phone(), p.email(),
                        p.oldPassportNumber(), p.guardians()),
                a.payment(), a.updatedAt());
    }

    private static Appointment withStatus(Appointment a, AppointmentStatus status) {
        return new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(), status,
                a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(), a.applicant(), a.payment(), a.updatedAt());
    }

    private static Appointment withPayment(Appointment a, PaymentStatus status) {
        Payment p = a.payment();
        return new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(), a.status(),
                a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(), a.applicant(),
                new Payment(p.billingCode(), p.amount(), status, "NTPN0000000000AB", p.paidAt()), a.updatedAt());
    }
}
