package id.loket.queue.model;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.Person;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.central.sim.DayGenerator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A day of queue lines from central's day generator, no database: every booking, three in five
 * of the booked ones checked in (A-001…, in several states), and a walk-in every fiftieth line.
 */
public final class GeneratedDay {

    public static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    public static final ZoneId ZONE = ZoneId.of("Asia/Makassar");

    private GeneratedDay() {
    }

    public static List<QueueEntry> of(int count) {
        List<Appointment> bookings = new DayGenerator(7).generate("DPS", DAY, count, ZONE);
        OffsetDateTime opening = DAY.atTime(LocalTime.of(8, 0)).atZone(ZONE).toOffsetDateTime();
        CaseStatus[] states = {CaseStatus.CHECKED_IN, CaseStatus.IN_VERIFICATION, CaseStatus.APPROVAL_PENDING, CaseStatus.ON_HOLD};
        List<QueueEntry> day = new ArrayList<>();
        int a = 0;
        int w = 0;
        for (int i = 0; i < bookings.size(); i++) {
            Appointment b = bookings.get(i);
            if (b.status() == AppointmentStatus.BOOKED && i % 5 < 3) {
                a++;
                day.add(new QueueEntry(b, caseFile(b, null, b.bookingCode(), new QueueNumber(QueueSeries.A, a), states[a % states.length],
                        opening.plusSeconds(a * 20L))));
            } else {
                day.add(new QueueEntry(b));
            }
            if (i % 50 == 49) {
                w++;
                String ref = String.format("W-DPS-%s-%04d", DAY.toString().replace("-", ""), w);
                day.add(QueueEntry.caseOnly(caseFile(b, ref, ref, new QueueNumber(QueueSeries.W, w), CaseStatus.CHECKED_IN,
                        opening.plusSeconds(w * 45L))));
            }
        }
        return day;
    }

    /** A case for the booking's applicant (a walk-in when {@code walkInRef} is given). */
    private static CaseFile caseFile(Appointment b, String walkInRef, String caseRef, QueueNumber number, CaseStatus status,
            OffsetDateTime at) {
        var p = b.applicant();
        Person person = new Person(p.nik(), p.fullName(), p.birthDate(), p.birthPlace(), p.sex(), p.married());
        boolean walkIn = walkInRef != null;
        return new CaseFile(caseRef, b.office(), b.date(), walkIn ? null : b.id(), walkIn, number, status, b.service(),
                b.passportType(), b.validityYears(), walkIn ? null : b.slotStart(), null, person,
                status == CaseStatus.CHECKED_IN ? null : "2", null, at, status == CaseStatus.CHECKED_IN ? null : at.plusMinutes(7),
                false, null, null, null, null, null, null, null, null, null, null, null, false,
                DocumentRules.checklist(b.service(), false), 1);
    }
}
