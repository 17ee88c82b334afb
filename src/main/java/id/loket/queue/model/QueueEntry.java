package id.loket.queue.model;

import id.loket.appointment.model.Appointment;

/** One line of today's queue: a booking (and, once the counter workflow exists, its case). */
public record QueueEntry(Appointment appointment) {

    public String slot() {
        Appointment a = appointment;
        return a.slotEnd() == null ? a.slotStart() : a.slotStart() + "–" + a.slotEnd();
    }
}
