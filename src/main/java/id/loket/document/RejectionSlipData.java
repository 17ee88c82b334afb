package id.loket.document;

import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.RejectionReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What a rejection slip shows: the reasons are printed in words, the note as written. */
public record RejectionSlipData(
        String caseNumber,
        String applicantName,
        String nik,
        ServiceType service,
        LocalDate decidedOn,
        List<RejectionReason> reasons,
        String note,
        String officer) {

    public RejectionSlipData {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(decidedOn, "decidedOn");
        reasons = List.copyOf(reasons);
        note = note == null ? "" : note;
    }
}
