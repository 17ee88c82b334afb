package id.loket.appointment.repo;

import static id.loket.db.jooq.Tables.APPOINTMENT;
import static id.loket.db.jooq.Tables.APPOINTMENT_GUARDIAN;
import static id.loket.db.jooq.Tables.NO_SHOW;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.UpsertCounts;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.GuardianRelation;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.db.jooq.tables.records.AppointmentGuardianRecord;
import id.loket.db.jooq.tables.records.AppointmentRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/**
 * The office's appointments in the local store. Bound to one {@link DSLContext}: make one on
 * a transaction's context to take part in that transaction.
 */
public final class AppointmentRepository {

    private final DSLContext ctx;

    public AppointmentRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Stores each appointment whose version is higher than the stored one (or that is new);
     * ignores the others. Items are taken in order, so a repeat within the batch is handled too.
     */
    public UpsertCounts upsertNewer(List<Appointment> items, OffsetDateTime pulledAt) {
        if (items.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        Map<String, Long> stored = new HashMap<>(ctx.select(APPOINTMENT.ID, APPOINTMENT.VERSION)
                .from(APPOINTMENT)
                .where(APPOINTMENT.ID.in(items.stream().map(Appointment::id).distinct().toList()))
                .fetchMap(APPOINTMENT.ID, APPOINTMENT.VERSION));
        int applied = 0;
        int ignored = 0;
        for (Appointment a : items) {
            Long current = stored.get(a.id());
            if (current != null && a.version() <= current) {
                ignored++;
                continue;
            }
            AppointmentRecord r = toRecord(a, pulledAt);
            if (current == null) {
                ctx.executeInsert(r);
            } else {
                r.changed(APPOINTMENT.ID, false);
                ctx.update(APPOINTMENT).set(r).where(APPOINTMENT.ID.eq(a.id())).execute();
                ctx.deleteFrom(APPOINTMENT_GUARDIAN).where(APPOINTMENT_GUARDIAN.APPOINTMENT_ID.eq(a.id())).execute();
            }
            insertGuardians(a);
            stored.put(a.id(), a.version());
            applied++;
        }
        return new UpsertCounts(applied, ignored);
    }

    private void insertGuardians(Appointment a) {
        List<Guardian> guardians = a.applicant().guardians();
        if (guardians.isEmpty()) {
            return;
        }
        List<AppointmentGuardianRecord> records = new ArrayList<>(guardians.size());
        for (int i = 0; i < guardians.size(); i++) {
            Guardian g = guardians.get(i);
            records.add(new AppointmentGuardianRecord(a.id(), i, g.nik(), g.fullName(),
                    g.relation() == null ? null : g.relation().name()));
        }
        ctx.batchInsert(records).execute();
    }

    /** The office's appointments of one date, by slot, then booking code. */
    public List<Appointment> findByDate(String office, LocalDate date) {
        Result<AppointmentRecord> rows = ctx.selectFrom(APPOINTMENT)
                .where(APPOINTMENT.OFFICE.eq(office).and(APPOINTMENT.APPOINTMENT_DATE.eq(date)))
                .orderBy(APPOINTMENT.SLOT_START, APPOINTMENT.BOOKING_CODE, APPOINTMENT.ID)
                .fetch();
        return toAppointments(rows);
    }

    /** The booking was recorded as a no-show when its day was closed. */
    public boolean recordedNoShow(String id) {
        return ctx.fetchExists(NO_SHOW, NO_SHOW.APPOINTMENT_ID.eq(id));
    }

    public Optional<Appointment> findById(String id) {
        return toAppointments(ctx.selectFrom(APPOINTMENT).where(APPOINTMENT.ID.eq(id)).fetch()).stream().findFirst();
    }

    /** Every booking with this code, whatever its date (normally one). */
    public List<Appointment> findByBookingCode(String bookingCode) {
        return toAppointments(ctx.selectFrom(APPOINTMENT).where(APPOINTMENT.BOOKING_CODE.eq(bookingCode))
                .orderBy(APPOINTMENT.APPOINTMENT_DATE).fetch());
    }

    public int countByDate(String office, LocalDate date) {
        return ctx.fetchCount(APPOINTMENT, APPOINTMENT.OFFICE.eq(office).and(APPOINTMENT.APPOINTMENT_DATE.eq(date)));
    }

    private List<Appointment> toAppointments(Result<AppointmentRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Guardian>> guardians = guardiansOf(rows.getValues(APPOINTMENT.ID));
        List<Appointment> list = new ArrayList<>(rows.size());
        for (AppointmentRecord r : rows) {
            list.add(toAppointment(r, guardians.getOrDefault(r.getId(), List.of())));
        }
        return list;
    }

    private Map<String, List<Guardian>> guardiansOf(Collection<String> ids) {
        Map<String, List<Guardian>> byId = new HashMap<>();
        for (Record r : ctx.selectFrom(APPOINTMENT_GUARDIAN)
                .where(APPOINTMENT_GUARDIAN.APPOINTMENT_ID.in(ids))
                .orderBy(APPOINTMENT_GUARDIAN.APPOINTMENT_ID, APPOINTMENT_GUARDIAN.ORDINAL)
                .fetch()) {
            String relation = r.get(APPOINTMENT_GUARDIAN.RELATION);
            byId.computeIfAbsent(r.get(APPOINTMENT_GUARDIAN.APPOINTMENT_ID), k -> new ArrayList<>())
                    .add(new Guardian(r.get(APPOINTMENT_GUARDIAN.NIK), r.get(APPOINTMENT_GUARDIAN.FULL_NAME),
                            relation == null ? null : GuardianRelation.valueOf(relation)));
        }
        return byId;
    }

    private static AppointmentRecord toRecord(Appointment a, OffsetDateTime pulledAt) {
        Applicant p = a.applicant();
        Payment pay = a.payment();
        AppointmentRecord r = new AppointmentRecord();
        r.setId(a.id());
        r.setVersion(a.version());
        r.setBookingCode(a.bookingCode());
        r.setOffice(a.office());
        r.setAppointmentDate(a.date());
        r.setSlotStart(a.slotStart());
        r.setSlotEnd(a.slotEnd());
        r.setStatus(a.status().name());
        r.setRescheduledTo(a.rescheduledTo());
        r.setService(a.service().name());
        r.setPassportType(a.passportType().name());
        r.setValidityYears(a.validityYears());
        r.setSameDay(a.sameDay());
        r.setNik(p.nik());
        r.setFullName(p.fullName());
        r.setBirthDate(p.birthDate());
        r.setBirthPlace(p.birthPlace());
        r.setSex(p.sex().name());
        r.setMarried(p.married());
        r.setPhone(p.phone());
        r.setEmail(p.email());
        r.setOldPassportNumber(p.oldPassportNumber());
        r.setPaymentBillingCode(pay.billingCode());
        r.setPaymentAmount(pay.amount());
        r.setPaymentStatus(pay.status().name());
        r.setPaymentNtpn(pay.ntpn());
        r.setPaymentPaidAt(pay.paidAt());
        r.setUpdatedAt(a.updatedAt());
        r.setPulledAt(pulledAt);
        return r;
    }

    private static Appointment toAppointment(AppointmentRecord r, List<Guardian> guardians) {
        Applicant applicant = new Applicant(r.getNik(), r.getFullName(), r.getBirthDate(), r.getBirthPlace(),
                Sex.valueOf(r.getSex()), r.getMarried(), r.getPhone(), r.getEmail(), r.getOldPassportNumber(), guardians);
        Payment payment = new Payment(r.getPaymentBillingCode(), r.getPaymentAmount(),
                PaymentStatus.valueOf(r.getPaymentStatus()), r.getPaymentNtpn(), r.getPaymentPaidAt());
        return new Appointment(r.getId(), r.getVersion(), r.getBookingCode(), r.getOffice(), r.getAppointmentDate(),
                r.getSlotStart(), r.getSlotEnd(), AppointmentStatus.valueOf(r.getStatus()), r.getRescheduledTo(),
                ServiceType.valueOf(r.getService()), PassportType.valueOf(r.getPassportType()), r.getValidityYears(),
                r.getSameDay(), applicant, payment, r.getUpdatedAt());
    }
}
