package id.loket.checkin.model;

import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.CaseFile;

/**
 * What a scanned or typed code found: a booking of today to check in, or a case on hold to
 * resume. Anything else is refused with a message saying what to do.
 */
public sealed interface ScanResult {

    /** A booking of today, not yet checked in. */
    record ToCheckIn(Appointment appointment) implements ScanResult {
    }

    /** A case on hold whose applicant came back with the missing documents. */
    record ToResume(CaseFile caseFile) implements ScanResult {
    }
}
