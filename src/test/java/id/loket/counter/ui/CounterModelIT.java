package id.loket.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Tasks;
import id.loket.db.Database;
import id.loket.pickup.service.PickupService;
import id.loket.queue.service.QueueService;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.PickupHours;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.simulate.SimulatedClock;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import id.loket.testing.TestSessions;
import id.loket.verification.service.VerificationService;
import id.loket.verification.ui.CaseView.Verb;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter's presentation model without a display: real services on a real H2 file, the
 * work run on the calling thread. What a scan means, the immediate check-in and its undo, and
 * which steps are enabled.
 */
class CounterModelIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final Session OFFICER = TestSessions.staff("petugas1", Role.COUNTER, "1");

    @TempDir
    Path dir;

    private TestDatabase database;
    private SimulatedClock clock;
    private CounterModel model;
    private CaseQueries queries;
    private List<Appointment> today;
    private List<Appointment> tomorrow;
    private final List<String> seen = new ArrayList<>();
    private final List<Exception> refusals = new ArrayList<>();
    private final List<CounterModel.CheckedIn> checkedIn = new ArrayList<>();

    @BeforeEach
    void open() {
        database = TestDatabase.open(Backend.H2, dir, "counter_model");
        Database db = database.db();
        clock = new SimulatedClock(DAY.atTime(8, 5).atZone(ZONE).toInstant(), ZONE);
        CaseWork work = new CaseWork(db, clock);
        TestSessions.register(db, OFFICER);
        DayGenerator gen = new DayGenerator(7);
        today = booked(gen.generate(OFFICE, DAY, 30, ZONE));
        tomorrow = booked(gen.generate(OFFICE, DAY.plusDays(1), 30, ZONE));
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(today, OffsetDateTime.now(clock)));
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(tomorrow, OffsetDateTime.now(clock)));
        queries = new CaseQueries(db);
        CounterServices services = new CounterServices(new CheckInService(work, OFFICE), new VerificationService(work, 7), queries,
                new QueueService(db), OFFICE, ZONE, clock, () -> LocalDate.now(clock), Optional::empty, c -> { },
                new PaperServices(null, new PickupService(work), null, null, null));
        model = new CounterModel(services, Tasks.onCallingThread());
        model.addListener(new CounterModel.Listener() {
            @Override
            public void checkedIn(CounterModel.CheckedIn done) {
                checkedIn.add(done);
            }

            @Override
            public void undone(String bookingCode, String queueNumber) {
                seen.add("undone " + queueNumber + " " + bookingCode);
            }

            @Override
            public void matches(List<Appointment> bookings) {
                seen.add("matches " + bookings.size());
            }

            @Override
            public void refused(Exception e) {
                refusals.add(e);
            }
        });
        model.start(OFFICER, "1");
    }

    private static List<Appointment> booked(List<Appointment> day) {
        return day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED)
                .sorted(Comparator.comparing(Appointment::slotStart).thenComparing(Appointment::id)).toList();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aScannedBookingOfTodayChecksInAtOnceAndOffersTheUndo() {
        Appointment a = today.get(0);
        model.scan(a.bookingCode());

        assertThat(refusals).isEmpty();
        assertThat(checkedIn).singleElement().satisfies(c -> {
            assertThat(c.caseFile().queueNumber().toString()).isEqualTo("A-001");
            assertThat(c.booking().id()).isEqualTo(a.id());
        });
        assertThat(queries.findByAppointment(OFFICER, a.id())).map(CaseFile::status).contains(CaseStatus.CHECKED_IN);
        assertThat(model.undoable()).isNotNull();
        assertThat(model.busy()).isFalse();
    }

    @Test
    void escWithinTheWindowUndoesTheCheckIn() {
        Appointment a = today.get(0);
        model.scan(a.bookingCode());
        clock.advanceBy(Duration.ofSeconds(3));

        assertThat(model.undoCheckIn()).isTrue();

        assertThat(seen).containsExactly("undone A-001 " + a.bookingCode());
        assertThat(queries.findByAppointment(OFFICER, a.id())).isEmpty();
        assertThat(model.undoable()).isNull();
    }

    @Test
    void afterTheWindowThereIsNothingToUndo() {
        model.scan(today.get(0).bookingCode());
        clock.advanceBy(CheckInService.UNDO_WINDOW);

        assertThat(model.undoable()).isNull();
        assertThat(model.undoCheckIn()).isFalse();
        assertThat(queries.findByAppointment(OFFICER, today.get(0).id())).isPresent();
    }

    @Test
    void aBookingOfAnotherDayIsRefusedInWords() {
        model.scan(tomorrow.get(0).bookingCode());

        assertThat(checkedIn).isEmpty();
        assertThat(refusals).singleElement().isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.key()).isEqualTo("checkin.otherDay"));
    }

    @Test
    void aNikOfOneBookingOfTodayChecksThatBookingIn() {
        Appointment a = today.get(2);
        model.scan(a.applicant().nik());

        assertThat(checkedIn).singleElement().satisfies(c -> assertThat(c.booking().id()).isEqualTo(a.id()));
    }

    @Test
    void nothingTypedIsRefusedWithoutALookUp() {
        model.scan("   ");

        assertThat(refusals).singleElement().isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.key()).isEqualTo("checkin.empty"));
    }

    @Test
    void theStepsEnabledFollowTheCaseAtThisCounter() {
        assertThat(model.canCallNext()).isTrue();
        assertThat(model.offered()).isEmpty();
        model.scan(today.get(0).bookingCode());
        assertThat(model.canRecall()).isFalse();

        CaseFile called = model.staff() == null ? null : new CheckInService(new CaseWork(database.db(), clock), OFFICE)
                .callNext(model.actor()).orElseThrow();
        model.setCurrent(called);
        assertThat(model.offered()).contains(Verb.FINISH).doesNotContain(Verb.INTERVIEW, Verb.ISSUE_RECEIPT);
        assertThat(model.canRecall()).isTrue();
        model.setBusy(true);
        assertThat(model.offered()).as("nothing while a step runs").isEmpty();
        assertThat(model.canCallNext()).isFalse();
    }

    @Test
    void ntpnAndReceiptNumbersAreRecognised() {
        assertThat(CounterModel.validNtpn("0123456789ABCDEF")).isTrue();
        assertThat(CounterModel.validNtpn("0123456789abcdef")).isTrue();
        assertThat(CounterModel.validNtpn("0123")).isFalse();
        assertThat(CounterModel.receiptNumber("TT-DPS-20261127-0001")).isTrue();
        assertThat(CounterModel.receiptNumber("DPS-20261127")).isFalse();
        assertThat(CounterModel.validCounterNumber("3")).isTrue();
        assertThat(CounterModel.validCounterNumber("loket 3")).isFalse();
    }

    @Test
    void theBannerOfAReceiptedCaseSaysWhetherItsReceiptWasGivenWhenToCollectAndWhoCollectedIt() {
        model.scan(today.get(0).bookingCode());
        CaseFile c = checkedIn.get(0).caseFile();
        Messages en = Messages.forLanguage("en");
        OffsetDateTime issuedAt = DAY.atTime(10, 0).atZone(ZONE).toOffsetDateTime();
        Receipt issued = new Receipt(c.caseRef(), "TT-DPS-20261127-0001", DAY, LocalDate.of(2026, 11, 30), issuedAt, "petugas1",
                "Petugas Satu", 350_000, "820261127000001", "0A1B2C3D4E5F6G7H", null, null, null, 0, null, null, null, null, null, null,
                null, null);
        CaseFile receipted = c.toBuilder().status(CaseStatus.RECEIPT_ISSUED).build();

        assertThat(CounterModel.receiptBanner(receipted, new ReceiptSlip(issued, PickupHours.FIRST_DAY, PickupHours.LATER_DAYS), en, ZONE))
                .isEqualTo("Receipt TT-DPS-20261127-0001 is issued but has not been printed or saved yet. Print it with Ctrl+Shift+P.");

        Receipt given = new Receipt(c.caseRef(), "TT-DPS-20261127-0001", DAY, LocalDate.of(2026, 11, 30), issuedAt, "petugas1",
                "Petugas Satu", 350_000, "820261127000001", "0A1B2C3D4E5F6G7H", issuedAt.plusMinutes(1), "petugas1", null, 2, null, null,
                null, null, null, null, null, null);
        assertThat(CounterModel.receiptBanner(receipted, new ReceiptSlip(given, PickupHours.FIRST_DAY, PickupHours.LATER_DAYS), en, ZONE))
                .isEqualTo("Receipt TT-DPS-20261127-0001. The passport can be collected on Monday, 30 November 2026, 13:00–15:30."
                        + " Printed again 2 times.");

        Receipt handedOver = new Receipt(c.caseRef(), "TT-DPS-20261127-0001", DAY, LocalDate.of(2026, 11, 30), issuedAt, "petugas1",
                "Petugas Satu", 350_000, "820261127000001", "0A1B2C3D4E5F6G7H", issuedAt.plusMinutes(1), "petugas1", null, 0,
                issuedAt.plusDays(3), "X1234567", CollectedBy.REPRESENTATIVE, "I Made Wirawan", "5171010101800001",
                LocalDate.of(2026, 11, 30).atTime(13, 20).atZone(ZONE).toOffsetDateTime(), "petugas1", "Petugas Satu");
        assertThat(CounterModel.receiptBanner(c.toBuilder().status(CaseStatus.HANDED_OVER).build(),
                new ReceiptSlip(handedOver, PickupHours.FIRST_DAY, PickupHours.LATER_DAYS), en, ZONE))
                .isEqualTo("Receipt TT-DPS-20261127-0001: passport X1234567 handed over at 13:20 to I Made Wirawan.");

        Receipt neverPrintedButHandedOver = new Receipt(c.caseRef(), "TT-DPS-20261127-0001", DAY, LocalDate.of(2026, 11, 30), issuedAt,
                "petugas1", "Petugas Satu", 350_000, "820261127000001", "0A1B2C3D4E5F6G7H", null, null, null, 0, issuedAt.plusDays(3),
                "X1234567", CollectedBy.SELF, null, null, LocalDate.of(2026, 11, 30).atTime(13, 20).atZone(ZONE).toOffsetDateTime(),
                "petugas1", "Petugas Satu");
        assertThat(CounterModel.receiptBanner(c.toBuilder().status(CaseStatus.HANDED_OVER).build(),
                new ReceiptSlip(neverPrintedButHandedOver, PickupHours.FIRST_DAY, PickupHours.LATER_DAYS), en, ZONE))
                .isEqualTo("Receipt TT-DPS-20261127-0001: passport X1234567 handed over at 13:20 to " + c.applicant().fullName() + ".");
    }
}
