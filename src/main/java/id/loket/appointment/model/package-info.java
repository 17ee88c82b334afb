/**
 * The office's bookings as central describes them: immutable records and enums of the
 * contract. Plain Java only: no Swing, no SQL, no JSON.
 */
package id.loket.appointment.model;
