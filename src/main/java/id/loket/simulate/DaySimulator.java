package id.loket.simulate;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.staff.model.Session;
import java.util.function.Function;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.service.CaseQueries;
import id.loket.checkin.model.ScanResult;
import id.loket.checkin.service.CheckInService;
import id.loket.appointment.model.PaymentStatus;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.PickupHours;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.service.ReceiptService;
import id.loket.common.model.UserFacingException;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.service.QueueService;
import id.loket.staff.model.Role;
import id.loket.supervisor.service.ReleaseService;
import id.loket.verification.service.VerificationService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an office day on a simulated clock through the real services: the information desk
 * checks applicants in as they arrive around their slots, {@code N} counter officers call the
 * next applicant and take the case through its documents, interview and approval, and the
 * supervisor decides the cases waiting for approval on rounds every quarter of an hour. The
 * receipt desk issues the receipt of each approved case shortly after the approval (recording
 * the NTPN from the applicant's proof first when central has no payment for the booking). Earlier
 * days' receipts in the same database whose pickup date has come are marked ready at opening,
 * and the applicants who come back for their passports (or send a representative) get them
 * during the pickup hours.
 *
 * <p>One thread, one agenda of timed moves, ties broken by what they are about: the same seed
 * gives the same day. Nothing is remembered outside the database: a run started on a day that
 * is already under way resumes at the last step taken (the clock restarts at the latest audit
 * time of the day), skips applicants already checked in, continues cases from their state (a
 * case in progress at counter 2 is continued by officer 2, or by anyone if counter 2 is not
 * staffed) and continues each officer's rhythm from their last step, so an interrupted day
 * ends as the uninterrupted one would have.
 *
 * <p>The services must be built on {@link #clock()}'s clock, which must not be later than the
 * day's last step.
 */
public final class DaySimulator {

    /** Told each simulated hour how the day stands. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = soFar -> { };

        void hour(DaySummary soFar);
    }

    /** Who checks applicants in as they arrive (the information desk). */
    public static final SimStaff DESK = new SimStaff("informasi", Role.COUNTER, "0");
    public static final SimStaff SUPERVISOR = new SimStaff("supervisor", Role.SUPERVISOR, "S");
    /** Who issues the receipts of approved cases (recording the NTPN from the applicant's proof when central has no payment). */
    public static final SimStaff RECEIPT_DESK = new SimStaff("kasir", Role.COUNTER, "K");
    /** Who marks printed passports ready in the morning and hands them over at the pickup counter. */
    public static final SimStaff PICKUP_DESK = new SimStaff("pengambilan", Role.COUNTER, "P");

    /** Counter officer {@code n}, at counter {@code n}. */
    public static SimStaff officer(int n) {
        return new SimStaff("petugas" + n, Role.COUNTER, String.valueOf(n));
    }

    private static final Logger LOG = LoggerFactory.getLogger(DaySimulator.class);
    private static final Duration SUPERVISOR_ROUND = Duration.ofMinutes(15);
    /** An idle officer calls a new arrival this long after the check-in. */
    private static final Duration CALL_AFTER_ARRIVAL = Duration.ofSeconds(20);
    private static final Duration AFTER_REFUSAL = Duration.ofSeconds(60);
    /**
     * A case in progress at a counter this run does not staff, untouched this long before the run starts, was left by a
     * desk that stopped: the supervisor releases it and an officer of this run continues it. One touched more recently
     * belongs to another group of counters working the same day at the same time, and is left to them.
     */
    private static final Duration LEFT_BEHIND_AFTER = Duration.ofMinutes(15);
    /** Refusals that only say another group of counters got there first: normal when groups share the office's day. */
    private static final Set<String> CONTENTION = Set.of("checkin.takenBy", "checkin.already", "case.changedMeanwhile",
            "case.heldElsewhere");
    private static final Set<CaseStatus> AT_COUNTER = EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED,
            CaseStatus.INTERVIEWED);
    private static final Set<CaseStatus> PAST_VERIFICATION = EnumSet.of(CaseStatus.VERIFIED, CaseStatus.INTERVIEWED,
            CaseStatus.APPROVAL_PENDING, CaseStatus.APPROVED, CaseStatus.RECEIPT_ISSUED, CaseStatus.READY_FOR_PICKUP,
            CaseStatus.HANDED_OVER);

    private final CheckInService checkIn;
    private final VerificationService verification;
    private final CaseQueries cases;
    private final QueueService queue;
    private final ReceiptService receipts;
    private final PickupService pickup;
    private final SimulatedClock clock;
    private final SimulationSettings settings;
    private final Behaviour behaviour;
    private final Listener listener;
    /** Each simulated member of staff signs in once (a training session), then works under it. */
    private final Function<SimStaff, Session> signIn;
    private final Map<SimStaff, Session> sessions = new HashMap<>();
    /** Whoever reads the day's state between steps (the supervisor: may read the queue, not the outbox). */
    private final SimStaff reader = SUPERVISOR;

    private final PriorityQueue<Tick> agenda = new PriorityQueue<>();
    private final Map<String, Appointment> bookings = new HashMap<>();
    private final List<Officer> officers = new ArrayList<>();
    /** Cases in progress at a counter nobody staffs in this run: the first free officer continues them. */
    private final Deque<String> unattended = new ArrayDeque<>();
    /** Applicants back from a hold, in the order they came back. */
    private final Deque<String> returned = new ArrayDeque<>();
    private final Map<String, Instant> returnTimes = new HashMap<>();
    private int refused;
    private int contended;
    private ReleaseService release;
    private boolean ran;
    private Duration syncEvery;
    private DaySync sync = DaySync.NONE;
    private volatile boolean stopRequested;
    private final Object pacer = new Object();

    public DaySimulator(CheckInService checkIn, VerificationService verification, CaseQueries cases, QueueService queue,
            ReceiptService receipts, PickupService pickup, SimulatedClock clock, SimulationSettings settings, Listener listener,
            Function<SimStaff, Session> signIn) {
        this.signIn = Objects.requireNonNull(signIn);
        this.receipts = Objects.requireNonNull(receipts);
        this.pickup = Objects.requireNonNull(pickup);
        this.checkIn = Objects.requireNonNull(checkIn);
        this.verification = Objects.requireNonNull(verification);
        this.cases = Objects.requireNonNull(cases);
        this.queue = Objects.requireNonNull(queue);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.behaviour = new Behaviour(settings.seed());
        this.listener = listener == null ? Listener.NONE : listener;
    }

    /** The session {@code who} works under (signed in at first need). */
    private Session as(SimStaff who) {
        return sessions.computeIfAbsent(who, signIn);
    }

    public SimulatedClock clock() {
        return clock;
    }


    /**
     * Every {@code every} of simulated time (on the multiples of it from opening), between two moves, the desk
     * talks to central through {@code sync}; the simulated clock does not move while it does, so counter work
     * never waits for central. Call before {@link #run()}.
     */
    public DaySimulator syncEvery(Duration every, DaySync sync) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("sync period must be positive: " + every);
        }
        this.syncEvery = every;
        this.sync = Objects.requireNonNull(sync);
        return this;
    }

    /**
     * How the supervisor releases a case left in progress at a counter this run does not staff (its desk stopped), so
     * that an officer of this run may continue it. Without it such a case is left where it is. Call before {@link #run()}.
     */
    public DaySimulator releaseWith(ReleaseService service) {
        this.release = Objects.requireNonNull(service);
        return this;
    }

    /**
     * Asks a running simulation (on another thread) to stop before its next step; {@link #run()} then returns
     * where the day stands. Prefer this to interrupting the thread: an interrupt that lands during a database
     * write may close the database file.
     */
    public void stop() {
        stopRequested = true;
        synchronized (pacer) {
            pacer.notifyAll();
        }
    }

    /**
     * Runs the day (from where the database says it stands) until {@code settings.until()}, or until stopped
     * or interrupted; answers where it ends.
     */
    public DaySummary run() {
        if (ran) {
            throw new IllegalStateException("a simulator runs its day once");
        }
        ran = true;
        Instant open = at(settings.hours().open());
        Instant end = at(settings.until());
        for (QueueEntry e : queue.day(as(reader), settings.office(), settings.date())) {
            if (e.appointment().status() == AppointmentStatus.BOOKED) {
                bookings.put(e.appointment().id(), e.appointment());
            }
        }
        List<CaseFile> day = cases.day(as(reader), settings.office(), settings.date());
        Map<String, List<AuditEntry>> histories = new HashMap<>();
        Instant start = open;
        for (CaseFile c : day) {
            List<AuditEntry> h = cases.history(as(reader), c.caseRef());
            histories.put(c.caseRef(), h);
            for (AuditEntry e : h) {
                start = later(start, e.at().toInstant());
            }
        }
        start = later(start, clock.instant());
        clock.advanceTo(start);
        if (start.isBefore(end)) {
            LOG.info("Simulating {} {} from {} to {} with {} counters, seed {}", settings.office(), settings.date(),
                    time(start), settings.until(), settings.counters(), settings.seed());
            plan(start, day, histories);
            if (loop(start, end)) {
                clock.advanceTo(end);
            } else {
                // read where the day stands with the interrupt flag cleared (H2 closes a file read by an interrupted thread)
                boolean interrupted = Thread.interrupted();
                try {
                    return summary();
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        return summary();
    }

    // ---- the plan: what is due, from what the database holds ----

    private void plan(Instant start, List<CaseFile> day, Map<String, List<AuditEntry>> histories) {
        Set<String> checkedIn = new HashSet<>();
        for (CaseFile c : day) {
            if (c.appointmentId() != null) {
                checkedIn.add(c.appointmentId());
            }
        }
        for (Appointment a : bookings.values()) {
            Fate fate = behaviour.fate(a.id());
            if (!checkedIn.contains(a.id()) && !fate.noShow()) {
                schedule(later(arrival(a, fate), start), Kind.ARRIVAL, a.id());
            }
        }
        for (CaseFile c : day) {
            List<AuditEntry> h = histories.get(c.caseRef());
            List<AuditEntry> holds = h.stream().filter(e -> e.action() == CaseAction.PUT_ON_HOLD).toList();
            boolean resumed = h.stream().anyMatch(e -> e.action() == CaseAction.RESUME);
            if (c.status() == CaseStatus.ON_HOLD && holds.size() == 1 && !resumed) {
                expectBack(c.caseRef(), holds.get(0), start);
            }
        }
        for (int n = settings.firstCounter(); n < settings.firstCounter() + settings.counters(); n++) {
            officers.add(new Officer(n));
        }
        for (CaseFile c : day) {
            if (AT_COUNTER.contains(c.status())) {
                Instant lastStep = histories.get(c.caseRef()).get(histories.get(c.caseRef()).size() - 1).at().toInstant();
                Optional<Officer> mine = officers.stream().filter(o -> o.actor.counter().equals(c.counter())).findFirst();
                if (mine.isPresent()) {
                    mine.get().cases.addLast(c.caseRef());
                } else if (c.counter() == null || !lastStep.isAfter(start.minus(LEFT_BEHIND_AFTER))) {
                    unattended.addLast(c.caseRef());
                }
            }
        }
        Map<String, AuditEntry> lastByWho = new HashMap<>();
        for (List<AuditEntry> h : histories.values()) {
            for (AuditEntry e : h) {
                lastByWho.merge(e.officer(), e, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        // An officer whose next step falls before the restart had found nothing to do: idle until someone arrives.
        Instant firstWaiting = day.stream().filter(c -> c.status() == CaseStatus.CHECKED_IN)
                .map(c -> c.checkedInAt().toInstant().plus(CALL_AFTER_ARRIVAL)).min(Comparator.naturalOrder()).orElse(null);
        for (Officer o : officers) {
            AuditEntry last = lastByWho.get(o.actor.username());
            Instant next = last == null ? null : last.at().toInstant().plus(behaviour.pauseAfter(last, false));
            if (next != null && !next.isBefore(start)) {
                schedule(o, next);
            } else if (!o.cases.isEmpty() || !unattended.isEmpty()) {
                schedule(o, start);
            } else if (firstWaiting != null) {
                schedule(o, later(firstWaiting, start));
            }
        }
        AuditEntry last = lastByWho.get(SUPERVISOR.username());
        Instant next = last == null ? null : last.at().toInstant().plus(behaviour.pauseAfter(last, true));
        schedule(next != null && !next.isBefore(start) ? next : roundAtOrAfter(start), Kind.SUPERVISOR, "");
        for (CaseFile c : day) {
            if (c.status() == CaseStatus.APPROVED && c.approvedAt() != null) {
                expectReceipt(c.caseRef(), c.approvedAt().toInstant(), start);
            }
        }
        planPickups(start);
        if (syncEvery != null) {
            schedule(syncAfter(start), Kind.SYNC, "");
        }
    }

    /** The first multiple of the sync period from opening that is after {@code t}. */
    private Instant syncAfter(Instant t) {
        Instant open = at(settings.hours().open());
        if (t.isBefore(open)) {
            return open.plus(syncEvery);
        }
        long n = Duration.between(open, t).toMillis() / syncEvery.toMillis() + 1;
        return open.plus(syncEvery.multipliedBy(n));
    }

    private void syncNow() {
        sync.sync(clock.instant());
        schedule(syncAfter(clock.instant()), Kind.SYNC, "");
    }

    /** The receipt of a case just approved is issued shortly after (before closing), as its fate says. */
    private void expectReceipt(String caseRef, Instant approved, Instant notBefore) {
        Instant due = approved.plus(behaviour.receiptAfter(caseRef));
        Instant lastSecond = at(settings.hours().close()).minusSeconds(1);
        if (due.isAfter(lastSecond)) {
            due = later(lastSecond, approved);
        }
        schedule(later(due, notBefore), Kind.RECEIPT, caseRef);
    }

    /**
     * Earlier days' receipts whose passports can be collected today: the printed passports not yet marked ready are
     * marked at opening; the applicants who come today (as their fate says) come during the day's pickup hours.
     */
    private void planPickups(Instant start) {
        boolean toMark = false;
        for (Receipt r : pickup.dueBy(as(PICKUP_DESK), settings.office(), settings.date())) {
            if (!r.receiptDate().isBefore(settings.date()) || r.handedOver()) {
                continue;
            }
            toMark |= r.readyAt() == null;
            Behaviour.Pickup p = behaviour.pickup(r.caseRef(), settings.date());
            Instant when = pickupTime(r, p);
            if (p.comes() && when != null) {
                schedule(later(when, start), Kind.HANDOVER, r.receiptNumber());
            }
        }
        if (toMark) {
            schedule(later(at(settings.hours().open()), start), Kind.READY, "");
        }
    }

    /** When the applicant comes for the passport: within the pickup hours of the day and the office hours; null if they do not meet. */
    private Instant pickupTime(Receipt r, Behaviour.Pickup p) {
        PickupHours hours = r.pickupDate().equals(settings.date()) ? receipts.rules().firstDayHours() : receipts.rules().laterDayHours();
        LocalTime from = hours.from().isAfter(settings.hours().open()) ? hours.from() : settings.hours().open();
        LocalTime to = hours.to().isBefore(settings.hours().close()) ? hours.to() : settings.hours().close();
        if (!from.isBefore(to)) {
            return null;
        }
        long seconds = Duration.between(from, to).toSeconds();
        return at(from).plusSeconds((long) (p.when() * seconds));
    }

    /** An applicant put on hold who will come back today with what was missing (as their fate says) is expected then. */
    private void expectBack(String caseRef, AuditEntry putOnHold, Instant notBefore) {
        Fate fate = behaviour.fate(caseRef);
        if (fate.returnsSameDay()) {
            Instant back = putOnHold.at().toInstant().plusSeconds(fate.returnAfterSeconds());
            returnTimes.put(caseRef, back);
            schedule(later(back, notBefore), Kind.RETURN, caseRef);
        }
    }

    private Instant arrival(Appointment a, Fate fate) {
        LocalTime slot = a.slotStart() == null ? settings.hours().open() : LocalTime.parse(a.slotStart());
        Instant at = at(slot).plusSeconds(fate.arrivalOffsetSeconds());
        return later(at, at(settings.hours().open()));
    }

    // ---- the day ----

    /** Plays the agenda until {@code end}; false if the thread was interrupted first. */
    private boolean loop(Instant start, Instant end) {
        long realStart = System.nanoTime();
        Instant nextHour = LocalDateTime.ofInstant(start, settings.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1)
                .atZone(settings.zone()).toInstant();
        while (!agenda.isEmpty() && agenda.peek().at().isBefore(end)) {
            Tick tick = agenda.peek();
            while (!nextHour.isAfter(tick.at())) {
                if (!pace(realStart, start, nextHour)) {
                    return interrupted();
                }
                clock.advanceTo(nextHour);
                listener.hour(summary());
                nextHour = nextHour.plus(Duration.ofHours(1));
            }
            if (!pace(realStart, start, tick.at())) {
                return interrupted();
            }
            agenda.poll();
            clock.advanceTo(tick.at());
            switch (tick.kind()) {
                case ARRIVAL -> arrive(tick.key());
                case RETURN -> comeBack(tick.key());
                case OFFICER -> officerMoves(officers.get(Integer.parseInt(tick.key()) - settings.firstCounter()));
                case SUPERVISOR -> supervisorMoves();
                case RECEIPT -> issueReceipt(tick.key());
                case READY -> markReady();
                case HANDOVER -> handOver(tick.key());
                case SYNC -> syncNow();
            }
        }
        return true;
    }

    private boolean interrupted() {
        LOG.info("Simulation stopped at {}", time(clock.instant()));
        return false;
    }

    /** Waits until the real time that matches {@code simulated} at the chosen speed; false if stopped or interrupted. */
    private boolean pace(long realStart, Instant simStart, Instant simulated) {
        if (stopRequested || Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (settings.speed() == 0) {
            return true;
        }
        long due = realStart + (long) (Duration.between(simStart, simulated).toNanos() / settings.speed());
        synchronized (pacer) {
            for (long wait = due - System.nanoTime(); wait > 0 && !stopRequested; wait = due - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(pacer, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !stopRequested;
    }

    private void arrive(String appointmentId) {
        Appointment a = bookings.get(appointmentId);
        try {
            if (cases.findByAppointment(as(reader), appointmentId).isPresent()) {
                return;
            }
            if (checkIn.scan(as(DESK), a.bookingCode()) instanceof ScanResult.ToCheckIn toCheckIn) {
                checkIn.checkIn(toCheckIn.appointment().id(), as(DESK));
            }
        } catch (UserFacingException e) {
            if (!contended(appointmentId, e)) {
                refused(appointmentId, e);
                return;
            }
            // another group's desk checked the applicant in a moment ago: skipped, and the applicant waits all the same
        }
        wakeIdleOfficers(clock.instant().plus(CALL_AFTER_ARRIVAL));
    }

    private void comeBack(String caseRef) {
        returned.addLast(caseRef);
        Instant back = returnTimes.getOrDefault(caseRef, clock.instant());
        wakeIdleOfficers(later(back.plus(CALL_AFTER_ARRIVAL), clock.instant()));
    }

    private void wakeIdleOfficers(Instant at) {
        for (Officer o : officers) {
            if (!o.scheduled) {
                schedule(o, at);
            }
        }
    }

    private void officerMoves(Officer o) {
        o.scheduled = false;
        try {
            officerStep(o).ifPresent(done -> schedule(o, clock.instant().plus(behaviour.pauseAfter(done, false))));
        } catch (UserFacingException e) {
            if (contended(o.cases.peekFirst(), e)) {
                // another group's counter took this case first: it is theirs; this officer calls the next one
                o.cases.pollFirst();
                schedule(o, clock.instant().plus(CALL_AFTER_ARRIVAL));
                return;
            }
            refused(o.cases.peekFirst(), e);
            o.cases.pollFirst();
            schedule(o, clock.instant().plus(AFTER_REFUSAL));
        }
    }

    /** The officer's next step: the case at hand, else an applicant back from a hold, else the next in the queue. */
    private Optional<AuditEntry> officerStep(Officer o) {
        while (true) {
            if (o.cases.isEmpty() && !unattended.isEmpty()) {
                String left = unattended.pollFirst();
                CaseFile c = verification.get(as(reader), left);
                if (AT_COUNTER.contains(c.status()) && c.counter() != null && !c.counter().equals(o.actor.counter())) {
                    if (release == null) {
                        continue;
                    }
                    // its desk stopped: the supervisor releases it, and this officer's next step takes it
                    release.release(left, as(SUPERVISOR), "counter " + c.counter() + " is not staffed in this run");
                }
                o.cases.addFirst(left);
            }
            String ref = o.cases.peekFirst();
            if (ref != null) {
                CaseFile c = verification.get(as(reader), ref);
                if (!AT_COUNTER.contains(c.status())) {
                    o.cases.pollFirst();
                    continue;
                }
                return Optional.of(work(o.actor, c));
            }
            String back = returned.pollFirst();
            if (back != null) {
                CaseFile c = verification.get(as(reader), back);
                if (c.status() != CaseStatus.ON_HOLD) {
                    continue;
                }
                o.cases.addFirst(back);
                if (checkIn.scan(as(DESK), codeOf(c)) instanceof ScanResult.ToResume toResume) {
                    verification.resume(toResume.caseFile().caseRef(), as(o.actor));
                }
                return Optional.of(lastStep(back));
            }
            Optional<CaseFile> called = checkIn.callNext(as(o.actor));
            if (called.isEmpty()) {
                return Optional.empty();
            }
            o.cases.addFirst(called.get().caseRef());
            return Optional.of(lastStep(called.get().caseRef()));
        }
    }

    /** One step on a case at the counter, from its state: the next document, the verdict, the interview, the approval. */
    private AuditEntry work(SimStaff actor, CaseFile c) {
        String ref = c.caseRef();
        Fate fate = behaviour.fate(ref);
        switch (c.status()) {
            case IN_VERIFICATION -> {
                for (Behaviour.Target t : behaviour.documents(c, fate)) {
                    DocumentCheck now = c.documents().stream().filter(d -> d.type() == t.type()).findFirst().orElseThrow();
                    if (now.result() != t.result() || !Objects.equals(now.note(), t.note())) {
                        verification.recordDocument(ref, as(actor), t.type(), t.result(), t.note());
                        return lastStep(ref);
                    }
                }
                if (c.documents().stream().anyMatch(d -> d.result() == DocumentResult.MISMATCH)) {
                    verification.reject(ref, as(actor), EnumSet.of(RejectionReason.DATA_MISMATCH), behaviour.mismatchRejectionNote(c));
                } else {
                    verification.finish(ref, as(actor));
                    AuditEntry done = lastStep(ref);
                    if (done.action() == CaseAction.PUT_ON_HOLD) {
                        expectBack(ref, done, clock.instant());
                    }
                    return done;
                }
            }
            case VERIFIED -> {
                if (fate.interviewFlagged()) {
                    verification.interview(ref, as(actor), InterviewOutcome.FLAGGED, behaviour.flagNote(fate));
                } else {
                    verification.interview(ref, as(actor), InterviewOutcome.PASSED, null);
                }
            }
            case INTERVIEWED -> {
                if (fate.preventionList() && !c.needsSupervisorApproval()) {
                    verification.reject(ref, as(actor), EnumSet.of(RejectionReason.PREVENTION_LIST), behaviour.preventionNote());
                } else {
                    verification.approve(ref, as(actor));
                    receiptDueIfApproved(ref);
                }
            }
            default -> throw new IllegalStateException("not at a counter: " + c.status());
        }
        return lastStep(ref);
    }

    private void supervisorMoves() {
        Optional<CaseFile> next = cases.day(as(reader), settings.office(), settings.date()).stream()
                .filter(c -> c.status() == CaseStatus.APPROVAL_PENDING).findFirst();
        if (next.isEmpty()) {
            schedule(roundAfter(clock.instant()), Kind.SUPERVISOR, "");
            return;
        }
        CaseFile c = next.get();
        try {
            Set<RejectionReason> reasons = behaviour.supervisorRejects(c, behaviour.fate(c.caseRef()));
            if (reasons.isEmpty()) {
                verification.approve(c.caseRef(), as(SUPERVISOR));
                receiptDueIfApproved(c.caseRef());
            } else {
                verification.reject(c.caseRef(), as(SUPERVISOR), reasons, behaviour.supervisorRejectionNote(c));
            }
            schedule(clock.instant().plus(behaviour.pauseAfter(lastStep(c.caseRef()), true)), Kind.SUPERVISOR, "");
        } catch (UserFacingException e) {
            if (!contended(c.caseRef(), e)) {
                refused(c.caseRef(), e);
            }
            schedule(roundAfter(clock.instant()), Kind.SUPERVISOR, "");
        }
    }

    private void receiptDueIfApproved(String caseRef) {
        if (verification.get(as(reader), caseRef).status() == CaseStatus.APPROVED) {
            expectReceipt(caseRef, clock.instant(), clock.instant());
        }
    }

    /** The receipt desk issues the receipt; if central has no payment for the booking, the NTPN on the applicant's proof first. */
    private void issueReceipt(String caseRef) {
        try {
            CaseFile c = verification.get(as(reader), caseRef);
            if (c.status() != CaseStatus.APPROVED) {
                return;
            }
            if (!paid(c)) {
                verification.recordPayment(caseRef, as(RECEIPT_DESK), behaviour.ntpn(caseRef));
            }
            receipts.issue(caseRef, as(RECEIPT_DESK));
        } catch (UserFacingException e) {
            refused(caseRef, e);
        }
    }

    private boolean paid(CaseFile c) {
        if (c.paymentNtpn() != null) {
            return true;
        }
        Appointment a = c.appointmentId() == null ? null : bookings.get(c.appointmentId());
        return a != null && a.payment() != null && a.payment().status() == PaymentStatus.PAID;
    }

    /** In the morning: the printed passports of earlier days' receipts that can be collected today are marked ready. */
    private void markReady() {
        for (Receipt r : pickup.dueBy(as(PICKUP_DESK), settings.office(), settings.date())) {
            if (r.receiptDate().isBefore(settings.date()) && r.readyAt() == null) {
                try {
                    pickup.markReady(r.receiptNumber(), as(PICKUP_DESK));
                } catch (UserFacingException e) {
                    refused(r.receiptNumber(), e);
                }
            }
        }
    }

    /** The applicant, or their representative, comes with the receipt: the passport is handed over if it is ready. */
    private void handOver(String receiptNumber) {
        try {
            PickupService.PickupCase p = pickup.dueBy(as(PICKUP_DESK), settings.office(), settings.date()).stream()
                    .filter(r -> r.receiptNumber().equals(receiptNumber)).findFirst()
                    .map(r -> new PickupService.PickupCase(verification.get(as(reader), r.caseRef()), r)).orElse(null);
            if (p == null || p.caseFile().status() != CaseStatus.READY_FOR_PICKUP) {
                return;
            }
            Behaviour.Pickup b = behaviour.pickup(p.caseFile().caseRef(), settings.date());
            if (b.representative()) {
                pickup.handOver(receiptNumber, as(PICKUP_DESK), CollectedBy.REPRESENTATIVE, b.representativeName(),
                        b.representativeNik(), b.passportNumber());
            } else {
                pickup.handOver(receiptNumber, as(PICKUP_DESK), CollectedBy.SELF, null, null, b.passportNumber());
            }
        } catch (UserFacingException e) {
            refused(receiptNumber, e);
        }
    }

    /**
     * Whether {@code e} only says that another group of counters on the same day got there first (checked the
     * applicant in, called or changed the case): normal when groups share the office's day, counted apart.
     */
    private boolean contended(String what, UserFacingException e) {
        if (!CONTENTION.contains(e.key())) {
            return false;
        }
        contended++;
        LOG.info("Simulation at {}: {} taken by another counter: {}", time(clock.instant()), what, e.getMessage());
        return true;
    }

    /** Steps another group of counters took first (see {@link #contended}); zero when one simulation has the day. */
    public int contended() {
        return contended;
    }

    private void refused(String what, UserFacingException e) {
        refused++;
        LOG.warn("Simulation at {}: step on {} refused: {}", time(clock.instant()), what, e.getMessage());
    }

    private String codeOf(CaseFile c) {
        Appointment a = c.appointmentId() == null ? null : bookings.get(c.appointmentId());
        return a != null ? a.bookingCode() : c.caseRef();
    }

    private AuditEntry lastStep(String caseRef) {
        List<AuditEntry> h = cases.history(as(reader), caseRef);
        return h.get(h.size() - 1);
    }

    // ---- where the day stands ----

    /** The day's figures as the database has them now. */
    public DaySummary summary() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), settings.zone());
        List<CaseFile> day = cases.day(as(reader), settings.office(), settings.date());
        Set<String> refs = new HashSet<>();
        Set<String> appointments = new HashSet<>();
        Map<CaseStatus, Integer> byStatus = new HashMap<>();
        for (CaseFile c : day) {
            refs.add(c.caseRef());
            if (c.appointmentId() != null) {
                appointments.add(c.appointmentId());
            }
            byStatus.merge(c.status(), 1, Integer::sum);
        }
        int booked = 0;
        int noShows = 0;
        int notYet = 0;
        Set<String> dayBookings = new HashSet<>();
        for (QueueEntry e : queue.day(as(reader), settings.office(), settings.date())) {
            Appointment a = e.appointment();
            if (a.status() != AppointmentStatus.BOOKED) {
                continue;
            }
            booked++;
            dayBookings.add(a.id());
            if (!appointments.contains(a.id())) {
                String end = a.slotEnd() != null ? a.slotEnd() : a.slotStart();
                boolean over = end == null || !settings.date().atTime(LocalTime.parse(end)).isAfter(now);
                if (over) {
                    noShows++;
                } else {
                    notYet++;
                }
            }
        }
        int events = 0;
        int receiptsIssued = 0;
        Set<String> verified = new HashSet<>();
        for (OutboxEvent e : cases.allEvents(as(SUPERVISOR))) {
            // the day's cases, and the no-shows recorded when the supervisor closed the day (they have no case)
            if (refs.contains(e.caseRef()) || e.type() == EventType.NO_SHOW && dayBookings.contains(e.caseRef())) {
                events++;
                if (e.type() == EventType.RECEIPT_ISSUED) {
                    receiptsIssued++;
                }
                if (e.type() == EventType.DOCUMENTS_VERIFIED) {
                    verified.add(e.caseRef());
                }
            }
        }
        for (CaseFile c : day) {
            if (PAST_VERIFICATION.contains(c.status())) {
                verified.add(c.caseRef());
            }
        }
        int ready = 0;
        int handedOver = 0;
        for (Receipt r : pickup.dueBy(as(PICKUP_DESK), settings.office(), settings.date())) {
            if (r.readyAt() != null && r.readyAt().atZoneSameInstant(settings.zone()).toLocalDate().equals(settings.date())) {
                ready++;
            }
            if (r.handedOverAt() != null && r.handedOverAt().atZoneSameInstant(settings.zone()).toLocalDate().equals(settings.date())) {
                handedOver++;
            }
        }
        int inProgress = AT_COUNTER.stream().mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
        return new DaySummary(now.toLocalTime(), booked, day.size(), noShows, notYet,
                byStatus.getOrDefault(CaseStatus.CHECKED_IN, 0), inProgress, verified.size(),
                byStatus.getOrDefault(CaseStatus.ON_HOLD, 0), byStatus.getOrDefault(CaseStatus.REJECTED, 0),
                byStatus.getOrDefault(CaseStatus.APPROVED, 0), byStatus.getOrDefault(CaseStatus.APPROVAL_PENDING, 0),
                events, receiptsIssued, ready, handedOver, refused);
    }

    // ---- time ----

    private Instant at(LocalTime t) {
        return settings.date().atTime(t).atZone(settings.zone()).toInstant();
    }

    private LocalTime time(Instant t) {
        return LocalDateTime.ofInstant(t, settings.zone()).toLocalTime();
    }

    private Instant roundAtOrAfter(Instant t) {
        Instant open = at(settings.hours().open());
        if (!t.isAfter(open)) {
            return open;
        }
        long rounds = (Duration.between(open, t).toMillis() + SUPERVISOR_ROUND.toMillis() - 1) / SUPERVISOR_ROUND.toMillis();
        return open.plus(SUPERVISOR_ROUND.multipliedBy(rounds));
    }

    private Instant roundAfter(Instant t) {
        return roundAtOrAfter(t.plusMillis(1));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- the agenda ----

    private void schedule(Officer o, Instant at) {
        o.scheduled = true;
        schedule(at, Kind.OFFICER, String.valueOf(o.number));
    }

    private void schedule(Instant at, Kind kind, String key) {
        agenda.add(new Tick(at, kind, key));
    }

    /**
     * What a move is; at the same instant, the morning's passports are marked ready first, receipts are issued last
     * of the counter work, and the talk with central comes after all of it.
     */
    private enum Kind { READY, ARRIVAL, RETURN, HANDOVER, OFFICER, SUPERVISOR, RECEIPT, SYNC }

    private record Tick(Instant at, Kind kind, String key) implements Comparable<Tick> {
        private static final Comparator<Tick> ORDER = Comparator.comparing(Tick::at).thenComparing(Tick::kind)
                .thenComparing(t -> t.kind == Kind.OFFICER ? String.format("%04d", Integer.parseInt(t.key)) : t.key);

        @Override
        public int compareTo(Tick other) {
            return ORDER.compare(this, other);
        }
    }

    private static final class Officer {
        final int number;
        final SimStaff actor;
        /** The case at hand first; more only when a restart found several in progress at this counter. */
        final Deque<String> cases = new ArrayDeque<>();
        boolean scheduled;

        Officer(int number) {
            this.number = number;
            this.actor = officer(number);
        }
    }
}
