package id.loket.sync.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.service.Appointments;
import id.loket.casefile.service.Cases;
import id.loket.casefile.service.Outbox;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.Person;
import id.loket.central.ContractJson;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.sync.repo.ConflictRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * What a pulled page says that the office's work disagrees with, found in the page's own
 * transaction, before the page is stored (so the previous version is still at hand):
 *
 * <ul>
 * <li>{@link ConflictKind#SERVED_THEN_CHANGED}: central cancelled, rescheduled or expired a
 * booking the office has already checked in. The case's events never sent are held by the
 * conflict: central would refuse them, and the supervisor decides first. (One sent before
 * whose answer was lost may be at central already: it goes again, and central's answer
 * settles it.)</li>
 * <li>{@link ConflictKind#VERIFIED_DATA_CHANGED}: a newer version changes the applicant's NIK,
 * name, birth date or sex after the office verified documents against the old one. Nothing
 * is held: the office's work stands until the supervisor says otherwise.</li>
 * <li>{@link ConflictKind#WALK_IN_DUPLICATES_BOOKING}: a booking arrives (typically after an
 * outage) for a NIK the office registered as a walk-in the same day. The walk-in's events
 * not yet sent are held: central should not get the same applicant twice.</li>
 * </ul>
 * Each is recorded once per case and kind while it is unsettled, with both sides as JSON, and
 * audited as RECORDED by the system.
 */
final class PullConflicts {

    private final DSLContext tx;
    private final OffsetDateTime now;

    PullConflicts(DSLContext tx, OffsetDateTime now) {
        this.tx = tx;
        this.now = now;
    }

    /**
     * Finds and records the conflicts of the items about to be stored; answers the ones recorded.
     * What it compares against is read for the whole list at once, not per item: the stored
     * versions in one read, the walk-ins of each office day once (only when a new booking
     * arrives for it), and the case of a booking only when a newer version of a stored one does.
     */
    List<Conflict> check(List<Appointment> incoming) {
        List<Conflict> found = new ArrayList<>();
        if (incoming.isEmpty()) {
            return found;
        }
        Map<String, Appointment> storedById = new HashMap<>();
        for (Appointment s : new Appointments(tx).findByIds(incoming.stream().map(Appointment::id).distinct().toList())) {
            storedById.put(s.id(), s);
        }
        Cases cases = new Cases(tx);
        Map<String, List<CaseFile>> dayCases = new HashMap<>();
        for (Appointment a : incoming) {
            Optional<Appointment> stored = Optional.ofNullable(storedById.get(a.id()));
            if (stored.isPresent() && a.version() <= stored.get().version()) {
                continue; // not newer: the pull ignores it
            }
            if (stored.isPresent()) {
                Optional<CaseFile> served = cases.findByAppointment(a.id());
                if (served.isPresent()) {
                    CaseFile c = served.get();
                    Appointment before = stored.get();
                    if (before.status() == AppointmentStatus.BOOKED && a.status() != AppointmentStatus.BOOKED
                            && c.status() != CaseStatus.NO_SHOW) {
                        record(ConflictKind.SERVED_THEN_CHANGED, c, a, "APPOINTMENT_" + a.status().name()
                                + (a.rescheduledTo() != null ? " " + a.rescheduledTo() : ""), true, List.of()).ifPresent(found::add);
                    }
                    List<String> changed = changedIdentity(c.applicant(), a);
                    if (!changed.isEmpty() && verified(c)) {
                        record(ConflictKind.VERIFIED_DATA_CHANGED, c, a, "CHANGED " + String.join(",", changed), false, changed)
                                .ifPresent(found::add);
                    }
                }
            } else if (a.status() == AppointmentStatus.BOOKED) {
                List<CaseFile> day = dayCases.computeIfAbsent(a.office() + "|" + a.date(), k -> cases.findDay(a.office(), a.date()));
                for (CaseFile walkIn : day) {
                    if (walkIn.walkIn() && walkIn.status() != CaseStatus.NO_SHOW && a.applicant().nik().equals(walkIn.applicant().nik())) {
                        record(ConflictKind.WALK_IN_DUPLICATES_BOOKING, walkIn, a, "BOOKING " + a.bookingCode(), true, List.of())
                                .ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    private Optional<Conflict> record(ConflictKind kind, CaseFile c, Appointment central, String reason, boolean hold,
            List<String> changed) {
        ConflictRepository repo = new ConflictRepository(tx);
        boolean known = repo.forCase(c.caseRef()).stream().anyMatch(x -> x.kind() == kind && x.unsettled());
        if (known) {
            return Optional.empty();
        }
        ObjectNode centralSide = ContractJson.mapper().createObjectNode();
        centralSide.set("appointment", ContractJson.write(central));
        if (!changed.isEmpty()) {
            centralSide.set("changed", ContractJson.mapper().valueToTree(changed));
        }
        Conflict conflict = repo.insert(kind, c.caseRef(), central.id(), null, officeSide(c).toString(), centralSide.toString(),
                reason, now);
        repo.audit(new ConflictRepository.AuditLine(conflict.id(), c.caseRef(), "RECORDED", now, ConflictService.SYSTEM, null,
                kind + ": " + reason));
        if (hold) {
            new Outbox(tx).holdNeverSent(c.caseRef(), conflict.id());
        }
        return Optional.of(conflict);
    }

    /** The office's side: the case as the office has it. */
    private static ObjectNode officeSide(CaseFile c) {
        ObjectNode n = ContractJson.mapper().createObjectNode();
        n.put("caseRef", c.caseRef());
        n.put("queueNumber", c.queueNumber().toString());
        n.put("status", c.status().name());
        n.put("walkIn", c.walkIn());
        n.put("counter", c.counter());
        n.put("officer", c.officer());
        n.put("checkedInAt", c.checkedInAt() == null ? null : c.checkedInAt().toString());
        ObjectNode p = n.putObject("applicant");
        p.put("nik", c.applicant().nik());
        p.put("fullName", c.applicant().fullName());
        p.put("birthDate", String.valueOf(c.applicant().birthDate()));
        p.put("sex", c.applicant().sex() == null ? null : c.applicant().sex().name());
        n.put("documentsVerified", verified(c));
        return n;
    }

    private static boolean verified(CaseFile c) {
        return c.documents().stream().anyMatch(d -> d.result() == DocumentResult.VERIFIED);
    }

    /** Which of the identity fields the office checked differ in central's newer version. */
    private static List<String> changedIdentity(Person office, Appointment central) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(office.nik(), central.applicant().nik())) {
            changed.add("nik");
        }
        if (!Objects.equals(office.fullName(), central.applicant().fullName())) {
            changed.add("fullName");
        }
        if (!Objects.equals(office.birthDate(), central.applicant().birthDate())) {
            changed.add("birthDate");
        }
        if (!Objects.equals(office.sex(), central.applicant().sex())) {
            changed.add("sex");
        }
        return changed;
    }
}
