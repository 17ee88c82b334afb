package id.loket.counter.ui;

import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.checkin.model.ScanResult;
import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Tasks;
import id.loket.pickup.service.PickupService;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.verification.ui.CaseView;
import id.loket.verification.ui.CaseView.Verb;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import id.loket.appointment.model.Ntpn;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptNumber;
import id.loket.receipt.model.ReceiptSlip;
import java.util.regex.Pattern;

/**
 * The counter screen without Swing: who is signed in at which counter, the case at this counter,
 * what a scanned or typed code means (today's booking, checked in at once; a held case; a
 * receipt for the pickup counter; the bookings matching a NIK or name; a refusal), the check-in
 * that may still be undone, and which steps are possible now. Work runs through the injected
 * {@link Tasks}; the outcome comes back to the {@link Listener} (on the event-dispatch thread in
 * the application, on the calling thread in a test), and {@link Listener#changed()} tells the
 * view to read the enabled steps again. Tested without a display.
 */
public final class CounterModel {

    static final Pattern COUNTER_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,10}");
    static final Set<CaseStatus> WORKING = EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED);

    /** What a scan found, worked out on the task thread. */
    public sealed interface Found {
        /** A booking of today, to check in. */
        record Booking(Appointment booking) implements Found {
        }

        /** A case on hold whose applicant came back. */
        record Held(CaseFile caseFile) implements Found {
        }

        /** Several of today's bookings match the NIK or name typed. */
        record Matches(List<Appointment> bookings) implements Found {
        }

        /** A receipt scanned at the pickup counter. */
        record Pickup(PickupService.PickupCase pickup) implements Found {
        }
    }

    /** A check-in just made at this desk, undoable (Esc) until {@code until}. */
    public record CheckedIn(CaseFile caseFile, Appointment booking, Instant until) {
    }

    /** What the view shows; every method is called where the {@link Tasks} hand results back. */
    public interface Listener {
        /** State changed: enabled steps, the case, busy. */
        default void changed() {
        }

        /** The scan is being looked up. */
        default void lookingUp() {
        }

        /** A booking was checked in at once: the identification card, with Esc to undo. */
        default void checkedIn(CheckedIn done) {
        }

        /** The check-in was undone: the booking code (to scan again) and the withdrawn number. */
        default void undone(String bookingCode, String queueNumber) {
        }

        default void held(CaseFile c) {
        }

        default void matches(List<Appointment> bookings) {
        }

        default void pickup(PickupService.PickupCase p) {
        }

        /** A refusal, as an exception (a {@link UserFacingException} in the officer's words). */
        default void refused(Exception e) {
        }
    }

    private final CounterServices services;
    private final Tasks tasks;
    private final Clock clock;
    private final List<Listener> listeners = new ArrayList<>();

    private volatile Session staff;
    private String counter = "1";
    private CaseFile current;
    private CaseFile pendingResume;
    private CheckedIn lastCheckIn;
    private int inFlight;
    private boolean busy;
    private boolean restored;

    public CounterModel(CounterServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.clock = services.clock();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    private void changed() {
        listeners.forEach(Listener::changed);
    }

    // ---- who, where ----

    public void start(Session who, String counterNumber) {
        staff = who;
        counter = counterNumber;
        restored = false;
        current = null;
        pendingResume = null;
        lastCheckIn = null;
        busy = false;
        changed();
    }

    public void continueAs(Session who) {
        staff = who;
        changed();
    }

    public void stop() {
        staff = null;
        current = null;
        pendingResume = null;
        lastCheckIn = null;
        changed();
    }

    public Session staff() {
        return staff;
    }

    public boolean signedIn() {
        return staff != null;
    }

    /** The signed-in session at this desk's counter (the services re-check who it is). */
    public Session actor() {
        return staff.atCounter(counter);
    }

    public String counter() {
        return counter;
    }

    public void setCounter(String value) {
        counter = value;
        changed();
    }

    public LocalDate today() {
        return services.today().get();
    }

    // ---- the case at this counter ----

    public CaseFile current() {
        return current;
    }

    public void setCurrent(CaseFile c) {
        current = c;
        changed();
    }

    public CaseFile pendingResume() {
        return pendingResume;
    }

    public CaseFile takePendingResume() {
        CaseFile c = pendingResume;
        pendingResume = null;
        return c;
    }

    public boolean busy() {
        return busy;
    }

    public void setBusy(boolean value) {
        busy = value;
        changed();
    }

    public int inFlight() {
        return inFlight;
    }

    public void recordStarted() {
        inFlight++;
    }

    public void recordEnded() {
        inFlight--;
    }

    /** Whether the case left open at this counter was brought back after login (once). */
    public boolean takeRestore() {
        if (restored) {
            return false;
        }
        restored = true;
        return true;
    }

    /** A case worked at this counter by this officer, to bring back after login. */
    public boolean mineInProgress(CaseFile c) {
        return c != null && WORKING.contains(c.status()) && counter.equals(c.counter()) && staff != null
                && staff.username().equals(c.officer());
    }

    // ---- which steps are possible now ----

    private boolean counterStaff() {
        return staff != null && staff.role() != Role.ADMIN;
    }

    public boolean canScan() {
        return staff != null;
    }

    public boolean canCallNext() {
        return counterStaff() && !busy;
    }

    public boolean canWalkIn() {
        return counterStaff() && !busy;
    }

    public boolean canMarkReady() {
        return counterStaff() && !busy;
    }

    public boolean canResumeScanned() {
        return counterStaff() && !busy && pendingResume != null;
    }

    public boolean canRecall() {
        CaseFile c = current;
        return counterStaff() && !busy && c != null && counter.equals(c.counter()) && c.status() != CaseStatus.CHECKED_IN
                && c.status() != CaseStatus.ON_HOLD && !c.status().isClosed();
    }

    /** Whether calling next must be confirmed: a case is still being worked at this counter. */
    public boolean callNextLeavesCaseOpen() {
        return current != null && WORKING.contains(current.status()) && counter.equals(current.counter());
    }

    /** The steps on the case possible now (none while a step runs). */
    public Set<Verb> offered() {
        if (staff == null || current == null || busy) {
            return Set.of();
        }
        return new CaseView(current, staff.role(), today()).offered();
    }

    public boolean offers(Verb v) {
        return offered().contains(v);
    }

    // ---- what the officer types ----

    /** A payment's NTPN as the bank prints it: 16 letters and digits. */
    public static boolean validNtpn(String text) {
        return Ntpn.isValid(text);
    }

    /** A receipt number as printed and in its QR code: TT-DPS-20261127-0001 (any case). */
    public static boolean receiptNumber(String text) {
        return ReceiptNumber.looksLike(text);
    }

    public static boolean validCounterNumber(String text) {
        return text != null && COUNTER_NUMBER.matcher(text).matches();
    }

    // ---- scanning ----

    /**
     * A scanned or typed code: looked up on the task thread, then today's unambiguous booking is
     * checked in at once, a held case waits for Enter to resume, a receipt goes to the pickup
     * counter, several matches are listed, anything else is refused in words.
     */
    public void scan(String text) {
        if (staff == null || busy) {
            return;
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            listeners.forEach(l -> l.refused(new UserFacingException("checkin.empty")));
            return;
        }
        pendingResume = null;
        changed();
        listeners.forEach(Listener::lookingUp);
        Session actor = actor();
        tasks.run(() -> lookUp(actor, t), this::route, e -> listeners.forEach(l -> l.refused(e)));
    }

    /** What the text is: a receipt number, a booking code or walk-in reference, else a NIK or a name among today's bookings. */
    Found lookUp(Session actor, String text) {
        if (receiptNumber(text)) {
            return new Found.Pickup(services.paper().pickup().findByReceipt(actor, text));
        }
        try {
            ScanResult r = services.checkIn().scan(actor, text);
            if (r instanceof ScanResult.ToCheckIn in) {
                return new Found.Booking(in.appointment());
            }
            return new Found.Held(((ScanResult.ToResume) r).caseFile());
        } catch (UserFacingException e) {
            if ("checkin.unknown".equals(e.key())) {
                List<Appointment> matches = services.checkIn().search(actor, text);
                if (!matches.isEmpty()) {
                    return new Found.Matches(matches);
                }
            }
            throw e;
        }
    }

    private void route(Found f) {
        if (staff == null) {
            return;
        }
        if (f instanceof Found.Booking b) {
            checkIn(b.booking());
        } else if (f instanceof Found.Held h) {
            pendingResume = h.caseFile();
            changed();
            listeners.forEach(l -> l.held(h.caseFile()));
        } else if (f instanceof Found.Pickup p) {
            listeners.forEach(l -> l.pickup(p.pickup()));
        } else if (f instanceof Found.Matches m) {
            if (m.bookings().size() == 1) {
                scan(m.bookings().get(0).bookingCode());
            } else {
                listeners.forEach(l -> l.matches(m.bookings()));
            }
        }
    }

    /** The booking chosen among several matches: checked in (or resumed) as if its code was scanned. */
    public void choose(Appointment booking) {
        scan(booking.bookingCode());
    }

    private void checkIn(Appointment booking) {
        busy = true;
        changed();
        Session actor = actor();
        tasks.run(() -> services.checkIn().checkIn(booking.id(), actor), c -> {
            busy = false;
            lastCheckIn = new CheckedIn(c, booking, clock.instant().plus(CheckInService.UNDO_WINDOW).minusMillis(500));
            changed();
            listeners.forEach(l -> l.checkedIn(lastCheckIn));
        }, e -> {
            busy = false;
            changed();
            listeners.forEach(l -> l.refused(e));
        });
    }

    /** The check-in just made, while Esc may still undo it. */
    public CheckedIn undoable() {
        CheckedIn last = lastCheckIn;
        return last != null && clock.instant().isBefore(last.until()) ? last : null;
    }

    /** Forgets the undoable check-in (the officer moved on, or its time ran out). */
    public void settleCheckIn() {
        lastCheckIn = null;
    }

    /** Undoes the check-in just made (Esc on its card), if its time has not run out: answers whether it tried. */
    public boolean undoCheckIn() {
        CheckedIn last = undoable();
        if (last == null || busy || staff == null) {
            return false;
        }
        lastCheckIn = null;
        busy = true;
        changed();
        Session actor = actor();
        String caseRef = last.caseFile().caseRef();
        tasks.run(() -> services.checkIn().undoCheckIn(caseRef, actor), code -> {
            busy = false;
            if (current != null && current.caseRef().equals(caseRef)) {
                current = null;
            }
            changed();
            listeners.forEach(l -> l.undone(code, last.caseFile().queueNumber().toString()));
        }, e -> {
            busy = false;
            changed();
            listeners.forEach(l -> l.refused(e));
        });
        return true;
    }

    // ---- the banner of a receipted case ----

    /**
     * The banner of a case whose receipt is issued: the receipt's number and when the passport
     * can be collected, that it is ready, or who collected it when; a receipt not given to the
     * applicant yet says so (until the passport is handed over: then who took it is what counts).
     */
    public static String receiptBanner(CaseFile c, ReceiptSlip slip, Messages messages, ZoneId zone) {
        Receipt r = slip.receipt();
        if (c.status() == CaseStatus.HANDED_OVER) {
            // the passport is out: who took it matters now, not whether the receipt was ever printed
            return messages.get("counter.banner.handedOver", r.receiptNumber(), r.passportNumber(),
                    r.handedOverAt() == null ? "-" : Dates.time(r.handedOverAt(), zone),
                    r.collectedBy() == CollectedBy.REPRESENTATIVE ? r.representativeName() : c.applicant().fullName());
        }
        String pickupDate = Dates.longDate(r.pickupDate(), messages.locale());
        if (!r.given()) {
            // issued, but its print failed or the preview was closed: the applicant has no paper yet
            return messages.get("receipt.notGivenYet", r.receiptNumber());
        }
        return switch (c.status()) {
            case READY_FOR_PICKUP -> messages.get("counter.banner.ready", r.receiptNumber(), pickupDate);
            default -> messages.get("counter.banner.receipt", r.receiptNumber(), pickupDate,
                    slip.firstDayHours().from() + "–" + slip.firstDayHours().to(), r.reprintCount());
        };
    }
}
