package id.loket.checkin.service;

import id.loket.display.service.QueueCalls;
import id.loket.appointment.service.Appointments;
import id.loket.casefile.service.Cases;
import id.loket.staff.model.Unguarded;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Limits;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.model.Person;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Event;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.checkin.model.ScanResult;
import id.loket.checkin.model.WalkInForm;
import id.loket.common.model.Nik;
import id.loket.common.model.UserFacingException;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.model.QueueFilter;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.service.Officer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Check-in at the counter: a scanned (or typed) booking code, a search by NIK or name, a
 * walk-in registration; and "call next", which hands each waiting case to exactly one
 * counter. Refusals say what happened and what to do.
 */
public final class CheckInService {

    /**
     * How long a check-in can be undone at the counter; its CHECKED_IN event waits that long in
     * the outbox before central may hear of it.
     */
    public static final java.time.Duration UNDO_WINDOW = java.time.Duration.ofSeconds(8);

    private final CaseWork work;
    private final String office;

    public CheckInService(CaseWork work, String office) {
        this.work = work;
        this.office = office;
    }

    private LocalDate today() {
        return LocalDate.now(work.clock());
    }

    /**
     * What a scanned code is: today's booking to check in, or a case on hold to resume. A
     * code that is unknown, cancelled, moved, expired, for another day or already checked in
     * is refused with the reason.
     */
    @Guarded(Permission.CHECK_IN)
    public ScanResult scan(Session session, String scanned) {
        work.require(session, Permission.CHECK_IN);
        return scan(scanned);
    }

    private ScanResult scan(String scanned) {
        String code = scanned == null ? "" : scanned.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new UserFacingException("checkin.empty");
        }
        Cases cases = new Cases(work.db().dsl());
        if (code.startsWith("W-")) {
            CaseFile walkIn = cases.find(code).orElseThrow(() -> new UserFacingException("checkin.unknown", code));
            return resumeOrRefuse(walkIn);
        }
        List<Appointment> found = new Appointments(work.db().dsl()).findByBookingCode(code);
        if (found.isEmpty()) {
            throw new UserFacingException("checkin.unknown", code);
        }
        LocalDate today = today();
        Appointment a = found.stream().filter(x -> x.date().equals(today)).findFirst().orElse(found.get(found.size() - 1));
        Optional<CaseFile> existing = cases.findByAppointment(a.id());
        if (existing.isPresent()) {
            return resumeOrRefuse(existing.get());
        }
        switch (a.status()) {
            case CANCELLED -> throw new UserFacingException("checkin.cancelled", code);
            case RESCHEDULED -> throw new UserFacingException("checkin.rescheduled", code,
                    a.rescheduledTo() == null ? "?" : a.rescheduledTo().toString());
            case EXPIRED -> throw new UserFacingException("checkin.expired", code);
            case BOOKED -> {
                // may come today
            }
        }
        if (!a.date().equals(today)) {
            throw new UserFacingException("checkin.otherDay", code, a.date().toString());
        }
        if (new Appointments(work.db().dsl()).recordedNoShow(a.id())) {
            // The day was closed and the no-show already went to central: a walk-in registration is the way now.
            throw new UserFacingException("checkin.noShow", code);
        }
        return new ScanResult.ToCheckIn(a);
    }

    private static ScanResult resumeOrRefuse(CaseFile c) {
        if (c.status() == CaseStatus.ON_HOLD) {
            return new ScanResult.ToResume(c);
        }
        throw new UserFacingException("checkin.already", c.queueNumber().toString(), c.status(),
                c.counter() == null ? "-" : c.counter());
    }

    /** Today's bookings whose NIK or name matches, for the officer to choose from. */
    @Guarded(Permission.VIEW_QUEUE)
    public List<Appointment> search(Session session, String query) {
        work.require(session, Permission.VIEW_QUEUE);
        QueueFilter filter = new QueueFilter(query);
        if (filter.isEmpty()) {
            return List.of();
        }
        return new Appointments(work.db().dsl()).findByDate(office, today()).stream()
                .filter(a -> filter.matches(new QueueEntry(a)))
                .toList();
    }

    /** Checks a booking in: a case in CHECKED_IN with the next A number, its checklist, and a CHECKED_IN event. */
    @Guarded(Permission.CHECK_IN)
    public CaseFile checkIn(String appointmentId, Session session) {
        Officer actor = work.require(session, Permission.CHECK_IN);
        Appointment booking = new Appointments(work.db().dsl()).findById(appointmentId)
                .orElseThrow(() -> new UserFacingException("checkin.unknown", appointmentId));
        refuseIfCheckedIn(booking);
        ScanResult scanned;
        try {
            scanned = scan(booking.bookingCode());
        } catch (UserFacingException e) {
            // checked in at another counter between the look above and the scan
            refuseIfCheckedIn(booking);
            throw e;
        }
        if (!(scanned instanceof ScanResult.ToCheckIn)) {
            throw new UserFacingException("checkin.onHoldUseResume", booking.bookingCode());
        }
        try {
            return insertCheckIn(appointmentId, actor);
        } catch (DataAccessException e) {
            // Another counter checked the same booking in a moment ago (the unique key on the appointment
            // refused the second case): say who did, in words, not as an SQL error.
            Optional<CaseFile> other = new Cases(work.db().dsl()).findByAppointment(appointmentId);
            if (other.isPresent()) {
                throw takenBy(booking, other.get());
            }
            throw e;
        }
    }

    /** Refuses, naming who did it, a booking that already has a case not on hold (a held one is resumed instead). */
    private void refuseIfCheckedIn(Appointment booking) {
        Optional<CaseFile> already = new Cases(work.db().dsl()).findByAppointment(booking.id());
        if (already.isPresent() && already.get().status() != CaseStatus.ON_HOLD) {
            throw takenBy(booking, already.get());
        }
    }

    /** The refusal of a booking another counter checked in: who, at which counter, with which number. */
    private UserFacingException takenBy(Appointment booking, CaseFile c) {
        AuditEntry checkedIn = new Cases(work.db().dsl()).history(c.caseRef()).stream()
                .filter(h -> h.action() == CaseAction.CHECK_IN).findFirst().orElse(null);
        String who = checkedIn == null ? "-" : checkedIn.officer();
        String counter = checkedIn == null || checkedIn.counter() == null ? "-" : checkedIn.counter();
        return new UserFacingException("checkin.takenBy", booking.bookingCode(), who, counter, c.queueNumber().toString());
    }

    private CaseFile insertCheckIn(String appointmentId, Officer actor) {
        return work.db().inTransaction(tx -> {
            Appointment a = new Appointments(tx).findById(appointmentId)
                    .orElseThrow(() -> new UserFacingException("checkin.unknown", appointmentId));
            // Checked by scan() just before; a counter that got there first meanwhile trips the unique key.
            OffsetDateTime now = work.now();
            QueueNumber number = new QueueNumber(QueueSeries.A, new Cases(tx).nextInSeries(office, a.date(), QueueSeries.A.name()));
            Person p = new Person(a.applicant().nik(), a.applicant().fullName(), a.applicant().birthDate(),
                    a.applicant().birthPlace(), a.applicant().sex(), a.applicant().married());
            int validity = a.validityYears() != null ? a.validityYears() : p.isMinorOn(a.date()) ? 5 : 10;
            CaseFile c = new CaseFile(a.id(), office, a.date(), a.id(), false, number, CaseStatus.CHECKED_IN, a.service(),
                    a.passportType(), validity, a.slotStart(), null, p, null, null, now, null, false, null, null, null, null,
                    null, null, null, null, null, null, null, false, DocumentRules.checklist(a.service(), p.isMinorOn(a.date())), 0);
            ObjectNode data = CaseWork.data().put("queueNumber", number.toString());
            CaseFile created = work.create(c, actor, List.of(new Step(CaseAction.CHECK_IN, null, CaseStatus.CHECKED_IN,
                    "queue " + number, List.of(new Event(EventType.CHECKED_IN, data)))), tx);
            // central hears of it only once the officer can no longer undo it
            new Cases(tx).holdBack(created.caseRef(), EventType.CHECKED_IN, now.plus(UNDO_WINDOW));
            return created;
        });
    }

    /**
     * Undoes a check-in made by mistake (the wrong booking scanned), within {@link #UNDO_WINDOW}
     * of it and while the case is still waiting, never called. The undoing is audited (the
     * check-in's audit row stays), the CHECKED_IN event still held back in the outbox is
     * withdrawn so central never hears of it, and the case is removed: the booking can be
     * checked in again. Its queue number is not given again (the day's sequence only grows).
     * Answers the booking's code.
     */
    @Guarded(Permission.CHECK_IN)
    public String undoCheckIn(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.CHECK_IN);
        return work.db().inTransaction(tx -> {
            Cases cases = new Cases(tx);
            CaseFile c = cases.find(caseRef).orElseThrow(() -> new UserFacingException("case.unknown", caseRef));
            if (c.walkIn() || c.status() != CaseStatus.CHECKED_IN || c.calledAt() != null || c.counter() != null) {
                throw new UserFacingException("checkin.undo.movedOn", c.queueNumber().toString());
            }
            OffsetDateTime now = work.now();
            if (c.checkedInAt() == null || now.isAfter(c.checkedInAt().plus(UNDO_WINDOW))
                    || cases.withdrawHeldBack(caseRef, EventType.CHECKED_IN, now) == 0) {
                throw new UserFacingException("checkin.undo.tooLate", c.queueNumber().toString());
            }
            if (!cases.deleteUntouchedCheckIn(caseRef, c.rowVersion())) {
                throw new UserFacingException("checkin.undo.movedOn", c.queueNumber().toString());
            }
            cases.record(new AuditEntry(caseRef, CaseAction.UNDO_CHECK_IN, CaseStatus.CHECKED_IN, null, now,
                    actor.username(), actor.counter(), "queue " + c.queueNumber() + " withdrawn"));
            String code = new Appointments(tx).findById(c.appointmentId()).map(Appointment::bookingCode).orElse(caseRef);
            return code;
        });
    }

    /**
     * What the officer should confirm before registering a walk-in: the NIK's birth date or
     * sex disagrees with the form. Empty when they agree. A malformed NIK is refused outright.
     */
    @Unguarded("a rule over what the officer typed: reads and writes no data (registering the walk-in is guarded)")
    public List<String> walkInWarnings(WalkInForm form) {
        Nik nik = Nik.parse(form.nik());
        List<String> warnings = new ArrayList<>();
        if (form.birthDate() != null && !nik.birthDate(today()).equals(form.birthDate())) {
            warnings.add("walkin.warning.birthDate");
        }
        if (form.sex() != null && nik.sex() != form.sex()) {
            warnings.add("walkin.warning.sex");
        }
        return warnings;
    }

    /**
     * Registers a walk-in: reference {@code W-<OFFICE>-<YYYYMMDD>-<NNNN>}, queue number P (priority)
     * or W, events WALK_IN_REGISTERED and CHECKED_IN. Disagreements between the NIK and the form
     * must have been confirmed by the officer ({@code warningsConfirmed}).
     */
    @Guarded(Permission.CHECK_IN)
    public CaseFile registerWalkIn(WalkInForm form, Session session, boolean warningsConfirmed) {
        Officer actor = work.require(session, Permission.CHECK_IN);
        validate(form);
        if (!warningsConfirmed && !walkInWarnings(form).isEmpty()) {
            throw new UserFacingException("walkin.confirmWarnings");
        }
        LocalDate today = today();
        return work.db().inTransaction(tx -> {
            Cases seq = new Cases(tx);
            String ref = "W-" + office + "-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + String.format("%04d", seq.nextInSeries(office, today, "WALKIN"));
            QueueSeries series = form.priority() != null ? QueueSeries.P : QueueSeries.W;
            QueueNumber number = new QueueNumber(series, seq.nextInSeries(office, today, series.name()));
            Person p = new Person(form.nik(), form.fullName(), form.birthDate(), form.birthPlace(), form.sex(), form.married());
            OffsetDateTime now = work.now();
            CaseFile c = new CaseFile(ref, office, today, null, true, number, CaseStatus.CHECKED_IN, form.service(),
                    form.passportType(), form.validityYears(), null, form.priority(), p, null, null, now, null, false, null, null,
                    null, null, null, null, null, null, null, null, null, false, DocumentRules.checklist(form.service(), p.isMinorOn(today)), 0);
            ObjectNode applicant = CaseWork.data()
                    .put("nik", p.nik()).put("fullName", p.fullName()).put("birthDate", p.birthDate().toString())
                    .put("birthPlace", p.birthPlace()).put("sex", p.sex().name()).put("married", p.married());
            ObjectNode registered = CaseWork.data();
            registered.set("applicant", applicant);
            registered.put("service", form.service().name()).put("passportType", form.passportType().name())
                    .put("validityYears", form.validityYears())
                    .put("priority", form.priority() == null ? null : form.priority().name());
            ObjectNode checkedIn = CaseWork.data().put("queueNumber", number.toString());
            return work.create(c, actor, List.of(
                    new Step(CaseAction.CHECK_IN, null, CaseStatus.CHECKED_IN, "walk-in " + ref + ", queue " + number,
                            List.of(new Event(EventType.WALK_IN_REGISTERED, registered), new Event(EventType.CHECKED_IN, checkedIn)))), tx);
        });
    }

    private void validate(WalkInForm f) {
        Nik.parse(f.nik());
        if (f.fullName() == null || f.fullName().isBlank()) {
            throw new UserFacingException("walkin.nameMissing");
        }
        int length = f.fullName().codePointCount(0, f.fullName().length());
        if (length > Limits.FULL_NAME) {
            throw new UserFacingException("walkin.nameTooLong", length, Limits.FULL_NAME);
        }
        if (f.birthDate() == null || f.birthDate().isAfter(today())) {
            throw new UserFacingException("walkin.birthDate");
        }
        if (f.sex() == null || f.service() == null || f.passportType() == null) {
            throw new UserFacingException("walkin.incomplete");
        }
        if (f.validityYears() != 5 && f.validityYears() != 10) {
            throw new UserFacingException("walkin.validity");
        }
        if (f.birthPlace() != null && f.birthPlace().length() > Limits.BIRTH_PLACE) {
            throw new UserFacingException("walkin.birthPlaceTooLong", Limits.BIRTH_PLACE);
        }
    }

    /**
     * The officer at {@code actor.counter()} takes the next waiting case: priority walk-ins
     * first, then by slot (a walk-in's slot is its arrival), then by arrival. Two counters
     * calling at once never get the same case.
     */
    @Guarded(Permission.CALL)
    public Optional<CaseFile> callNext(Session session) {
        Officer actor = work.require(session, Permission.CALL);
        Cases read = new Cases(work.db().dsl());
        List<CaseFile> waiting = new ArrayList<>(read.waitingHeads(office, today()));
        waiting.sort(Comparator.comparing((CaseFile c) -> c.queueNumber().series() != QueueSeries.P)
                .thenComparing(this::slotOrArrival)
                .thenComparing(CaseFile::checkedInAt)
                .thenComparing(CaseFile::caseRef));
        for (CaseFile head : waiting) {
            // The first in the office's order that still waits and that no other counter is claiming at this
            // moment (its row locked: SKIP LOCKED passes it at once instead of waiting for that counter's commit).
            // The lock is kept until the claim commits, so a case found free is taken by this counter for sure:
            // another counter never passes it over while this one then fails to claim it.
            Optional<CaseFile> taken = work.db().inTransaction(tx -> new Cases(tx).findIfWaitingAndFree(head.caseRef())
                    .flatMap(candidate -> claimAndRecord(tx, candidate, actor)));
            if (taken.isPresent()) {
                return taken;
            }
        }
        return Optional.empty();
    }

    /** Calls one waiting case to this counter (the officer picked it from the queue). */
    @Guarded(Permission.CALL)
    public CaseFile call(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.CALL);
        CaseFile c = work.load(caseRef);
        Lifecycle.check(c.status(), CaseAction.CALL, actor.role());
        return tryCall(c, actor).orElseThrow(() -> new UserFacingException("case.changedMeanwhile", c.queueNumber()));
    }

    private Optional<CaseFile> tryCall(CaseFile candidate, Officer actor) {
        return work.db().inTransaction(tx -> claimAndRecord(tx, candidate, actor));
    }

    /** Claims the case for this counter inside {@code tx} and records the call; empty if it changed meanwhile. */
    private Optional<CaseFile> claimAndRecord(DSLContext tx, CaseFile candidate, Officer actor) {
        OffsetDateTime now = work.now();
        Cases cases = new Cases(tx);
        if (!cases.claim(candidate.caseRef(), candidate.rowVersion(), actor.counter(), actor.username(), now)) {
            return Optional.empty();
        }
        work.record(tx, candidate.caseRef(), actor, now, List.of(new Step(CaseAction.CALL, CaseStatus.CHECKED_IN,
                CaseStatus.IN_VERIFICATION, "counter " + actor.counter(), List.of())));
        new QueueCalls(tx).add(office, candidate.date(), candidate.queueNumber(), actor.counter(), now, false, candidate.caseRef());
        return cases.find(candidate.caseRef());
    }

    /** The slot, or for a walk-in its arrival as office time (a database may hand times back in another zone). */
    private String slotOrArrival(CaseFile c) {
        return c.slotStart() != null ? c.slotStart()
                : c.checkedInAt().atZoneSameInstant(work.clock().getZone()).toLocalTime().toString().substring(0, 5);
    }

    /**
     * Calls the number of a case at this officer's counter once more (the applicant did not come
     * up): the waiting-room display announces it again. Only for a case already called here and
     * still in hand (IN_VERIFICATION or a later step, not on hold, not finished); audited as a
     * CALL step that leaves the status as it is.
     */
    @Guarded(Permission.CALL)
    public CaseFile recall(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.CALL);
        CaseFile c = work.load(caseRef);
        if (c.status() == CaseStatus.CHECKED_IN || c.status() == CaseStatus.ON_HOLD || c.status().isClosed()) {
            throw new UserFacingException("display.recall.notInHand", c.queueNumber().toString());
        }
        if (actor.counter() == null || !actor.counter().equals(c.counter())) {
            throw new UserFacingException("display.recall.otherCounter", c.queueNumber().toString(), c.counter() == null ? "-" : c.counter());
        }
        return work.db().inTransaction(tx -> {
            OffsetDateTime now = work.now();
            new QueueCalls(tx).add(office, c.date(), c.queueNumber(), actor.counter(), now, true, c.caseRef());
            work.record(tx, c.caseRef(), actor, now, List.of(new Step(CaseAction.CALL, c.status(), c.status(),
                    "recall, counter " + actor.counter(), List.of())));
            return c;
        });
    }
}
