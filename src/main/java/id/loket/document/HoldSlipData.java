package id.loket.document;

import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.DocumentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What an on-hold slip shows: the documents still missing and the day to bring them by. */
public record HoldSlipData(
        String caseNumber,
        String applicantName,
        String nik,
        ServiceType service,
        List<DocumentType> missingDocuments,
        LocalDate returnBy,
        String note,
        String officer) {

    public HoldSlipData {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(returnBy, "returnBy");
        missingDocuments = List.copyOf(missingDocuments);
        note = note == null ? "" : note;
    }
}
