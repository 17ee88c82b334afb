package id.loket.report;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.OFFICER_2;
import static id.loket.testing.OfficeFixture.SUPERVISOR;

import id.loket.app.AppContext;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.model.Requirement;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A small, explicit day on {@link SimulatedCentral#DAY} (2026-11-27, WITA), driven through the
 * real services on a clock the scenario moves, so every figure of the reports is known by hand:
 *
 * <pre>
 * case  service  in     called (by)       then
 * A     RENEWAL  08:00  08:10 petugas1    verified 08:15, interviewed 08:20, approved 08:22, receipt 08:25,
 *                                         ready 14:00, handed over 15:00 (pickup)
 * B     RENEWAL  08:05  08:25 petugas1    verified 08:35, interviewed 08:40, approved 08:42, receipt 08:45, ready 14:00
 * C     NEW      08:20  08:50 petugas1    mismatch, rejected 09:00 (DATA_MISMATCH, FALSE_STATEMENT)
 * D     NEW      09:00  09:40 petugas1    a document missing: on hold 09:50
 * E     RENEWAL  09:30  —                 waiting (checked in only)
 * F     NEW      09:10  09:15 petugas2    verified 09:30 (not interviewed yet)
 * </pre>
 *
 * Waits from check-in to call: hour 08: 10, 20, 30 min; hour 09: 40, 5 min (E not called).
 * Handling (call → interviewed, on hold or rejected), petugas1: 10, 15, 10, 10 min.
 * All adults with no guardians; A and B paid bookings.
 */
final class ReportScenario implements AutoCloseable {

    static final LocalDate DAY = SimulatedCentral.DAY;
    static final ZoneId ZONE = SimulatedCentral.ZONE;

    /** A clock the scenario sets before each step. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void at(LocalTime t) {
            now = DAY.atTime(t).atZone(ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final OfficeFixture office;
    final MovingClock clock = new MovingClock(DAY.atTime(8, 0).atZone(ZONE).toInstant());
    final Appointment a;
    final Appointment b;
    final Appointment c;
    final Appointment d;
    final Appointment e;
    final Appointment f;
    ReceiptSlip receiptA;
    ReceiptSlip receiptB;
    private final Set<String> used = new HashSet<>();

    ReportScenario(Path dir) {
        office = new OfficeFixture(dir);
        a = pick(x -> x.service() == ServiceType.RENEWAL && paid(x));
        b = pick(x -> x.service() == ServiceType.RENEWAL && paid(x));
        c = pick(x -> x.service() == ServiceType.NEW);
        d = pick(x -> x.service() == ServiceType.NEW);
        e = pick(x -> x.service() == ServiceType.RENEWAL);
        f = pick(x -> x.service() == ServiceType.NEW);
        run();
    }

    AppContext app() {
        return office.app();
    }

    private static boolean paid(Appointment x) {
        return x.payment() != null && x.payment().status() == PaymentStatus.PAID && x.payment().amount() != null;
    }

    private Appointment pick(Predicate<Appointment> which) {
        Appointment x = office.booked(y -> !used.contains(y.id()) && y.applicant().guardians().isEmpty() && !y.applicant().married()
                && java.time.Period.between(y.applicant().birthDate(), y.date()).getYears() >= 17 && which.test(y)).get(0);
        used.add(x.id());
        return x;
    }

    /** The day's live bookings (still BOOKED: not cancelled, moved or expired), as central holds them: the report's "appointments". */
    long liveAppointments() {
        return office.central().store().latest(SimulatedCentral.OFFICE, DAY).stream()
                .filter(x -> x.status() == AppointmentStatus.BOOKED).count();
    }

    long liveAppointments(ServiceType service) {
        return office.central().store().latest(SimulatedCentral.OFFICE, DAY).stream()
                .filter(x -> x.service() == service)
                .filter(x -> x.status() == AppointmentStatus.BOOKED).count();
    }

    private void at(int h, int m) {
        clock.at(LocalTime.of(h, m));
    }

    private VerificationService v() {
        return app().verification(clock);
    }

    private void checkIn(Appointment x, int h, int m) {
        at(h, m);
        app().checkIn(clock).checkIn(x.id(), OFFICER);
    }

    private CaseFile call(Appointment x, Session who, int h, int m) {
        at(h, m);
        return app().checkIn(clock).call(x.id(), who);
    }

    private void allDocuments(CaseFile cf, Session who, Skip skip) {
        boolean identityDone = false;
        for (DocumentCheck doc : cf.documents()) {
            if (doc.requirement() == Requirement.REQUIRED || (doc.requirement() == Requirement.ONE_OF && !identityDone)) {
                boolean missing = skip == Skip.FIRST_REQUIRED && doc.type() == firstRequired(cf);
                v().recordDocument(cf.caseRef(), who, doc.type(), missing ? DocumentResult.MISSING : DocumentResult.VERIFIED, null);
                identityDone |= doc.requirement() == Requirement.ONE_OF;
            }
        }
    }

    private static id.loket.casefile.model.DocumentType firstRequired(CaseFile cf) {
        return cf.documents().stream().filter(x -> x.requirement() == Requirement.REQUIRED).findFirst().orElseThrow().type();
    }

    private enum Skip { NONE, FIRST_REQUIRED }

    private ReceiptSlip approveAndReceipt(Appointment x, int[] verify, int[] interview, int[] approve, int[] receipt) {
        CaseFile cf = v().get(OFFICER, x.id());
        at(verify[0], verify[1]);
        allDocuments(cf, OFFICER, Skip.NONE);
        v().finish(x.id(), OFFICER);
        at(interview[0], interview[1]);
        CaseFile i = v().interview(x.id(), OFFICER, InterviewOutcome.PASSED, null);
        at(approve[0], approve[1]);
        v().approve(x.id(), i.status() == CaseStatus.APPROVAL_PENDING ? SUPERVISOR : OFFICER);
        at(receipt[0], receipt[1]);
        return app().receipts(clock).issue(x.id(), OFFICER);
    }

    private void run() {
        checkIn(a, 8, 0);
        checkIn(b, 8, 5);
        call(a, OFFICER, 8, 10);
        receiptA = approveAndReceipt(a, new int[] {8, 15}, new int[] {8, 20}, new int[] {8, 22}, new int[] {8, 25});
        checkIn(c, 8, 20);
        call(b, OFFICER, 8, 25);
        receiptB = approveAndReceipt(b, new int[] {8, 35}, new int[] {8, 40}, new int[] {8, 42}, new int[] {8, 45});
        CaseFile cc = call(c, OFFICER, 8, 50);
        at(8, 55);
        v().recordDocument(cc.caseRef(), OFFICER, firstRequired(cc), DocumentResult.MISMATCH, "nama berbeda");
        at(9, 0);
        v().reject(cc.caseRef(), OFFICER, Set.of(RejectionReason.DATA_MISMATCH, RejectionReason.FALSE_STATEMENT), "Nama di akta berbeda dengan e-KTP");
        checkIn(d, 9, 0);
        checkIn(f, 9, 10);
        CaseFile ff = call(f, OFFICER_2, 9, 15);
        at(9, 30);
        allDocuments(ff, OFFICER_2, Skip.NONE);
        v().finish(ff.caseRef(), OFFICER_2);
        checkIn(e, 9, 30);
        CaseFile dd = call(d, OFFICER, 9, 40);
        at(9, 45);
        allDocuments(dd, OFFICER, Skip.FIRST_REQUIRED);
        at(9, 50);
        CaseFile held = v().finish(dd.caseRef(), OFFICER);
        if (held.status() != CaseStatus.ON_HOLD) {
            throw new IllegalStateException("D should be on hold, is " + held.status());
        }
        at(14, 0);
        app().pickup(clock).markReady(receiptA.receipt().receiptNumber(), OFFICER);
        app().pickup(clock).markReady(receiptB.receipt().receiptNumber(), OFFICER);
        at(15, 0);
        app().pickup(clock).handOver(receiptA.receipt().receiptNumber(), OFFICER, CollectedBy.SELF, null, null, "X1234567");
    }

    List<Appointment> all() {
        return new ArrayList<>(List.of(a, b, c, d, e, f));
    }

    @Override
    public void close() {
        office.close();
    }
}
