package id.loket.central.sim;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.central.ContractJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The simulated central's data: appointments with every version they had, and a change log
 * in which each new version (or a deliberate re-delivery) takes the next sequence number.
 * Pages are cut from that log, so a client that keeps its cursor sees only changes.
 * Days are generated on first request, deterministically for the seed.
 */
public final class CentralStore {

    /** One entry of the change log. */
    record Change(long seq, Appointment snapshot) {
    }

    /** A page of the log for one office and date. */
    public record Page(List<Appointment> items, long cursor, boolean more) {
    }

    private final DayGenerator generator;
    private final int countPerDay;
    private final ZoneId zone;
    private final Clock clock;
    private final Set<String> offices;
    private final Set<String> generatedDays = new HashSet<>();
    private final Map<String, List<Appointment>> versions = new LinkedHashMap<>();
    private final List<Change> log = new ArrayList<>();
    private long seq;
    private final Map<String, EventOutcome> eventResults = new HashMap<>();
    private final Map<String, String> walkIns = new HashMap<>();
    private final List<AppliedEvent> applied = new ArrayList<>();

    public CentralStore(long seed, Set<String> offices, int countPerDay, ZoneId zone, Clock clock) {
        this.generator = new DayGenerator(seed);
        this.offices = Set.copyOf(offices);
        this.countPerDay = countPerDay;
        this.zone = zone;
        this.clock = clock;
    }

    /** The offices this central serves. */
    public Set<String> offices() {
        return offices;
    }

    /** Today's date in the offices' time zone, by the store's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public synchronized boolean knowsOffice(String office) {
        return offices.contains(office);
    }

    /** Generates the office's day if it has not been yet. */
    public synchronized void ensureDay(String office, LocalDate date) {
        if (generatedDays.add(office + "/" + date)) {
            for (Appointment a : generator.generate(office, date, countPerDay, zone)) {
                versions.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
                log.add(new Change(++seq, a));
            }
        }
    }

    /** Items of the office and date whose change came after {@code after}, in change order. */
    public synchronized Page page(String office, LocalDate date, long after, int limit) {
        ensureDay(office, date);
        List<Appointment> items = new ArrayList<>();
        long cursor = after;
        boolean more = false;
        for (Change c : log) {
            if (c.seq() <= after || !c.snapshot().office().equals(office) || !c.snapshot().date().equals(date)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(c.snapshot());
            cursor = c.seq();
        }
        return new Page(items, cursor, more);
    }

    /** Central changes a booking: the next version, stamped now, goes to the end of the log. */
    public synchronized Appointment update(String id, UnaryOperator<Appointment> change) {
        Appointment current = latest(id);
        Appointment changed = change.apply(current);
        Appointment next = new Appointment(current.id(), current.version() + 1, changed.bookingCode(), changed.office(),
                changed.date(), changed.slotStart(), changed.slotEnd(), changed.status(), changed.rescheduledTo(),
                changed.service(), changed.passportType(), changed.validityYears(), changed.sameDay(),
                changed.applicant(), changed.payment(), OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS));
        versions.get(id).add(next);
        log.add(new Change(++seq, next));
        return next;
    }

    /** Sends an older (or the same) version again, as an at-least-once server may. */
    public synchronized void redeliver(String id, long version) {
        Appointment old = versions.getOrDefault(id, List.of()).stream()
                .filter(a -> a.version() == version).findFirst()
                .orElseThrow(() -> new NoSuchElementException(id + " v" + version));
        log.add(new Change(++seq, old));
    }

    public synchronized Appointment latest(String id) {
        List<Appointment> all = versions.get(id);
        if (all == null) {
            throw new NoSuchElementException(id);
        }
        return all.stream().max(Comparator.comparingLong(Appointment::version)).orElseThrow();
    }

    public synchronized boolean exists(String id) {
        return versions.containsKey(id);
    }

    /** Central's latest state of every booking of the office and date, in booking order. */
    public synchronized List<Appointment> latest(String office, LocalDate date) {
        ensureDay(office, date);
        Map<String, Appointment> byId = new LinkedHashMap<>();
        for (List<Appointment> all : versions.values()) {
            Appointment last = all.get(all.size() - 1);
            if (last.office().equals(office) && last.date().equals(date)) {
                byId.put(last.id(), all.stream().max(Comparator.comparingLong(Appointment::version)).orElseThrow());
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Puts an item exactly as given at the end of the log, without checking it: how tests
     * make central send a broken item, or a version out of order.
     */
    public synchronized long publish(Appointment a) {
        versions.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
        log.add(new Change(++seq, a));
        return seq;
    }

    /** The result of one event, as the contract's EventResult. */
    public record EventOutcome(String eventId, String status, String reason, String appointmentId) {
    }

    /** Events central has applied, in the order it applied them. */
    public record AppliedEvent(String eventId, String type, String caseRef, String officer, String occurredAt) {
    }

    /**
     * Applies one event once: a repeat of an eventId is DUPLICATE with the first answer's
     * appointment id; an event on a cancelled booking is CONFLICT; a broken one INVALID.
     */
    public synchronized EventOutcome applyEvent(String eventId, String type, String caseRef, String officer, String occurredAt) {
        EventOutcome first = eventResults.get(eventId);
        if (first != null) {
            String status = first.status().equals("APPLIED") ? "DUPLICATE" : first.status();
            return new EventOutcome(eventId, status, first.reason(), first.appointmentId());
        }
        EventOutcome outcome;
        if (caseRef.startsWith("W-")) {
            String appointmentId = walkIns.computeIfAbsent(caseRef,
                    ref -> UUID.nameUUIDFromBytes(ref.getBytes(StandardCharsets.UTF_8)).toString());
            outcome = new EventOutcome(eventId, "APPLIED", null, appointmentId);
        } else if (!versions.containsKey(caseRef)) {
            outcome = new EventOutcome(eventId, "INVALID", "UNKNOWN_CASE", null);
        } else if (latest(caseRef).status() == AppointmentStatus.CANCELLED) {
            outcome = new EventOutcome(eventId, "CONFLICT", "APPOINTMENT_CANCELLED", null);
        } else {
            outcome = new EventOutcome(eventId, "APPLIED", null, null);
        }
        if (!outcome.status().equals("CONFLICT")) {
            eventResults.put(eventId, outcome);
        }
        if (outcome.status().equals("APPLIED")) {
            applied.add(new AppliedEvent(eventId, type, caseRef, officer, occurredAt));
        }
        return outcome;
    }

    public synchronized List<AppliedEvent> appliedEvents() {
        return List.copyOf(applied);
    }

    // ---- central changes bookings during the day ----

    private static final String NTPN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Central cancels the booking (the applicant did, online): a new version with status CANCELLED. */
    public synchronized Appointment cancel(String id) {
        return update(id, a -> withStatus(a, AppointmentStatus.CANCELLED, null));
    }

    /** The applicant moved the booking to {@code newDate}: a new version with status RESCHEDULED and rescheduledTo. */
    public synchronized Appointment reschedule(String id, LocalDate newDate) {
        return update(id, a -> withStatus(a, AppointmentStatus.RESCHEDULED, newDate));
    }

    /**
     * A payment arrives late: an UNPAID booking becomes PAID with an NTPN and paidAt now, as a new
     * version. The NTPN is made from the booking's id, so it is the same in every run.
     *
     * @throws IllegalStateException if the booking is not UNPAID
     */
    public synchronized Appointment payLate(String id) {
        return payLate(id, new SplittableRandom(id.hashCode()));
    }

    private Appointment payLate(String id, SplittableRandom random) {
        Appointment current = latest(id);
        if (current.payment().status() != PaymentStatus.UNPAID) {
            throw new IllegalStateException(id + " is not unpaid");
        }
        StringBuilder ntpn = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            ntpn.append(NTPN_ALPHABET.charAt(random.nextInt(NTPN_ALPHABET.length())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
        Payment p = current.payment();
        Payment paid = new Payment(p.billingCode(), p.amount(), PaymentStatus.PAID, ntpn.toString(), now);
        return update(id, a -> new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(),
                a.slotEnd(), a.status(), a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(),
                a.applicant(), paid, a.updatedAt()));
    }

    /**
     * Central changes the office's day as it does while the office works: it cancels some BOOKED
     * bookings, reschedules others to a later working day (1 to 14 days on), and records late
     * payments of BOOKED bookings that were UNPAID. Each change is a new version at the end of
     * the change log, so the next pull with a kept cursor gets exactly these. No booking changes
     * twice in one call; when there are fewer candidates than asked, fewer change. The choice is
     * the same for the same seed and the same state of the day.
     *
     * @return the new versions, in the order they entered the log
     */
    public synchronized List<Appointment> changeDuringDay(String office, LocalDate date, int cancellations, int reschedules,
            int latePayments, long seed) {
        if (cancellations < 0 || reschedules < 0 || latePayments < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Appointment> booked = new ArrayList<>(latest(office, date).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED).toList());
        shuffle(booked, random);
        List<Appointment> changed = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        int paid = 0;
        for (Appointment a : booked) {
            if (paid == latePayments) {
                break;
            }
            if (a.payment().status() == PaymentStatus.UNPAID) {
                changed.add(payLate(a.id(), random));
                touched.add(a.id());
                paid++;
            }
        }
        int cancelled = 0;
        int moved = 0;
        for (Appointment a : booked) {
            if (touched.contains(a.id())) {
                continue;
            }
            if (cancelled < cancellations) {
                changed.add(cancel(a.id()));
                cancelled++;
            } else if (moved < reschedules) {
                changed.add(reschedule(a.id(), laterWorkingDay(date, random)));
                moved++;
            } else {
                break;
            }
        }
        return changed;
    }

    private static LocalDate laterWorkingDay(LocalDate date, SplittableRandom random) {
        LocalDate d = date.plusDays(1 + random.nextInt(14));
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }

    private static Appointment withStatus(Appointment a, AppointmentStatus status, LocalDate rescheduledTo) {
        return new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(),
                status, rescheduledTo, a.service(), a.passportType(), a.validityYears(), a.sameDay(), a.applicant(),
                a.payment(), a.updatedAt());
    }

    // ---- what was applied, for people and tests to compare ----

    /**
     * Writes the applied events, in the order central applied them, as JSON lines:
     * {@code {"eventId","type","caseRef","officer","occurredAt","result":"APPLIED"}} and, for a
     * walk-in, {@code "appointmentId"}. The file is replaced whole (written aside, then moved).
     */
    public void writeApplied(Path file) throws IOException {
        List<AppliedEvent> events;
        Map<String, EventOutcome> outcomes;
        synchronized (this) {
            events = List.copyOf(applied);
            outcomes = Map.copyOf(eventResults);
        }
        ObjectMapper mapper = ContractJson.mapper();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (AppliedEvent e : events) {
                ObjectNode line = mapper.createObjectNode();
                line.put("eventId", e.eventId());
                line.put("type", e.type());
                line.put("caseRef", e.caseRef());
                line.put("officer", e.officer());
                line.put("occurredAt", e.occurredAt());
                line.put("result", "APPLIED");
                EventOutcome o = outcomes.get(e.eventId());
                if (o != null && o.appointmentId() != null) {
                    line.put("appointmentId", o.appointmentId());
                }
                w.write(mapper.writeValueAsString(line));
                w.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
