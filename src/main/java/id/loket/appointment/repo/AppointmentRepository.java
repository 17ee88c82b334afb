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
import id.loket.db.jooq.tables.records.AppointmentRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
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
     * ignores the others. Items are taken in order, so a repeat within the batch is handled too:
     * it counts as applied when it is newer than what came before it, and only the last version
     * applied of each id is written. A fixed number of statements whatever the batch's size: one
     * read of the stored versions, one batch of inserts, one of updates, one delete of the
     * updated ones' guardians and one batch of guardians.
     */
    public UpsertCounts upsertNewer(List<Appointment> items, OffsetDateTime pulledAt) {
        if (items.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        Map<String, Long> stored = storedVersions(items);
        Map<String, Appointment> newest = new LinkedHashMap<>();
        int applied = 0;
        int ignored = 0;
        for (Appointment a : items) {
            Appointment pending = newest.get(a.id());
            Long current = pending != null ? Long.valueOf(pending.version()) : stored.get(a.id());
            if (current != null && a.version() <= current) {
                ignored++;
                continue;
            }
            newest.put(a.id(), a);
            applied++;
        }
        List<Appointment> inserts = new ArrayList<>(newest.size());
        List<Appointment> updates = new ArrayList<>();
        for (Appointment a : newest.values()) {
            (stored.containsKey(a.id()) ? updates : inserts).add(a);
        }
        insertAll(inserts, pulledAt);
        updateAll(updates, pulledAt);
        if (!updates.isEmpty()) {
            ctx.deleteFrom(APPOINTMENT_GUARDIAN)
                    .where(APPOINTMENT_GUARDIAN.APPOINTMENT_ID.in(updates.stream().map(Appointment::id).toList()))
                    .execute();
        }
        insertGuardians(newest.values());
        return new UpsertCounts(applied, ignored);
    }

    private Map<String, Long> storedVersions(List<Appointment> items) {
        return new HashMap<>(ctx.select(APPOINTMENT.ID, APPOINTMENT.VERSION)
                .from(APPOINTMENT)
                .where(APPOINTMENT.ID.in(items.stream().map(Appointment::id).distinct().toList()))
                .fetchMap(APPOINTMENT.ID, APPOINTMENT.VERSION));
    }

    /** One prepared INSERT of every column, executed as one JDBC batch. */
    private void insertAll(List<Appointment> inserts, OffsetDateTime pulledAt) {
        if (inserts.isEmpty()) {
            return;
        }
        BatchBindStep batch = ctx.batch(ctx.insertInto(APPOINTMENT).columns(COLUMNS).values(new Object[COLUMNS.size()]));
        for (Appointment a : inserts) {
            batch.bind(values(a, pulledAt));
        }
        batch.execute();
    }

    /** One prepared UPDATE of every column but the id, executed as one JDBC batch. */
    private void updateAll(List<Appointment> updates, OffsetDateTime pulledAt) {
        if (updates.isEmpty()) {
            return;
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (Field<?> f : COLUMNS.subList(1, COLUMNS.size())) {
            set.put(f, null);
        }
        BatchBindStep batch = ctx.batch(ctx.update(APPOINTMENT).set(set).where(APPOINTMENT.ID.eq((String) null)));
        for (Appointment a : updates) {
            Object[] values = values(a, pulledAt);
            // the id (first column) moves to the end, where the WHERE clause takes it
            Object[] bind = new Object[values.length];
            System.arraycopy(values, 1, bind, 0, values.length - 1);
            bind[values.length - 1] = values[0];
            batch.bind(bind);
        }
        batch.execute();
    }

    private void insertGuardians(Collection<Appointment> appointments) {
        BatchBindStep batch = null;
        for (Appointment a : appointments) {
            List<Guardian> guardians = a.applicant().guardians();
            for (int i = 0; i < guardians.size(); i++) {
                if (batch == null) {
                    batch = ctx.batch(ctx.insertInto(APPOINTMENT_GUARDIAN, APPOINTMENT_GUARDIAN.APPOINTMENT_ID,
                                    APPOINTMENT_GUARDIAN.ORDINAL, APPOINTMENT_GUARDIAN.NIK, APPOINTMENT_GUARDIAN.FULL_NAME,
                                    APPOINTMENT_GUARDIAN.RELATION)
                            .values((String) null, (Integer) null, (String) null, (String) null, (String) null));
                }
                Guardian g = guardians.get(i);
                batch.bind(a.id(), i, g.nik(), g.fullName(), g.relation() == null ? null : g.relation().name());
            }
        }
        if (batch != null) {
            batch.execute();
        }
    }

    /** The office's appointments of one date, by slot, then booking code. */
    public List<Appointment> findByDate(String office, LocalDate date) {
        return find(APPOINTMENT.OFFICE.eq(office).and(APPOINTMENT.APPOINTMENT_DATE.eq(date)),
                APPOINTMENT.SLOT_START, APPOINTMENT.BOOKING_CODE, APPOINTMENT.ID);
    }

    /** The booking was recorded as a no-show when its day was closed. */
    public boolean recordedNoShow(String id) {
        return ctx.fetchExists(NO_SHOW, NO_SHOW.APPOINTMENT_ID.eq(id));
    }

    public Optional<Appointment> findById(String id) {
        return find(APPOINTMENT.ID.eq(id)).stream().findFirst();
    }

    /** The stored ones of these ids, in no particular order (a page's worth: two queries whatever their number). */
    public List<Appointment> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(APPOINTMENT.ID.in(ids));
    }

    /** Every booking with this code, whatever its date (normally one). */
    public List<Appointment> findByBookingCode(String bookingCode) {
        return find(APPOINTMENT.BOOKING_CODE.eq(bookingCode), APPOINTMENT.APPOINTMENT_DATE);
    }

    public int countByDate(String office, LocalDate date) {
        return ctx.fetchCount(APPOINTMENT, APPOINTMENT.OFFICE.eq(office).and(APPOINTMENT.APPOINTMENT_DATE.eq(date)));
    }

    /**
     * The appointments {@code where} selects, with their guardians read by the same condition
     * (guardians joined to their appointment): two queries whatever the number of rows, and no
     * list of ids sent back to the database.
     */
    private List<Appointment> find(Condition where, OrderField<?>... order) {
        Result<AppointmentRecord> rows = ctx.selectFrom(APPOINTMENT).where(where).orderBy(order).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Guardian>> guardians = guardiansOf(where);
        List<Appointment> list = new ArrayList<>(rows.size());
        for (AppointmentRecord r : rows) {
            list.add(toAppointment(r, guardians.getOrDefault(r.getId(), List.of())));
        }
        return list;
    }

    private Map<String, List<Guardian>> guardiansOf(Condition appointments) {
        Map<String, List<Guardian>> byId = new HashMap<>();
        for (Record r : ctx.select(APPOINTMENT_GUARDIAN.APPOINTMENT_ID, APPOINTMENT_GUARDIAN.NIK,
                        APPOINTMENT_GUARDIAN.FULL_NAME, APPOINTMENT_GUARDIAN.RELATION)
                .from(APPOINTMENT_GUARDIAN)
                .join(APPOINTMENT).on(APPOINTMENT.ID.eq(APPOINTMENT_GUARDIAN.APPOINTMENT_ID))
                .where(appointments)
                .orderBy(APPOINTMENT_GUARDIAN.APPOINTMENT_ID, APPOINTMENT_GUARDIAN.ORDINAL)
                .fetch()) {
            String relation = r.get(APPOINTMENT_GUARDIAN.RELATION);
            byId.computeIfAbsent(r.get(APPOINTMENT_GUARDIAN.APPOINTMENT_ID), k -> new ArrayList<>())
                    .add(new Guardian(r.get(APPOINTMENT_GUARDIAN.NIK), r.get(APPOINTMENT_GUARDIAN.FULL_NAME),
                            relation == null ? null : GuardianRelation.valueOf(relation)));
        }
        return byId;
    }

    /** The columns the pull writes, the id first; {@link #values} gives an appointment's in this order. */
    private static final List<Field<?>> COLUMNS = List.of(APPOINTMENT.ID, APPOINTMENT.VERSION, APPOINTMENT.BOOKING_CODE,
            APPOINTMENT.OFFICE, APPOINTMENT.APPOINTMENT_DATE, APPOINTMENT.SLOT_START, APPOINTMENT.SLOT_END, APPOINTMENT.STATUS,
            APPOINTMENT.RESCHEDULED_TO, APPOINTMENT.SERVICE, APPOINTMENT.PASSPORT_TYPE, APPOINTMENT.VALIDITY_YEARS,
            APPOINTMENT.SAME_DAY, APPOINTMENT.NIK, APPOINTMENT.FULL_NAME, APPOINTMENT.BIRTH_DATE, APPOINTMENT.BIRTH_PLACE,
            APPOINTMENT.SEX, APPOINTMENT.MARRIED, APPOINTMENT.PHONE, APPOINTMENT.EMAIL, APPOINTMENT.OLD_PASSPORT_NUMBER,
            APPOINTMENT.PAYMENT_BILLING_CODE, APPOINTMENT.PAYMENT_AMOUNT, APPOINTMENT.PAYMENT_STATUS, APPOINTMENT.PAYMENT_NTPN,
            APPOINTMENT.PAYMENT_PAID_AT, APPOINTMENT.UPDATED_AT, APPOINTMENT.PULLED_AT);

    /** The columns the pull writes (a test checks they are all the table's). */
    static List<Field<?>> columns() {
        return COLUMNS;
    }

    /** The appointment's values in the order of {@link #COLUMNS}, as bound to a batch (no record made per row). */
    private static Object[] values(Appointment a, OffsetDateTime pulledAt) {
        Applicant p = a.applicant();
        Payment pay = a.payment();
        return new Object[] {a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(),
            a.status().name(), a.rescheduledTo(), a.service().name(), a.passportType().name(), a.validityYears(), a.sameDay(),
            p.nik(), p.fullName(), p.birthDate(), p.birthPlace(), p.sex().name(), p.married(), p.phone(), p.email(),
            p.oldPassportNumber(), pay.billingCode(), pay.amount(), pay.status().name(), pay.ntpn(), pay.paidAt(),
            a.updatedAt(), pulledAt};
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
