package id.loket.casefile.service;

import id.loket.staff.model.Unguarded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a hold asked the applicant to bring, for the export and the printed slip alike. */
public final class Holds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Holds() {
    }

    /**
     * What was missing as the case's last PUT_ON_HOLD event said (after a resume the checklist
     * no longer shows it); for a case on hold without such an event, what its checklist shows missing.
     */
    @Unguarded("a rule over a case the caller already holds")
    public static List<DocumentType> missing(CaseFile c, List<OutboxEvent> events) {
        List<DocumentType> missing = null;
        for (OutboxEvent e : events) {
            if (e.type() == EventType.PUT_ON_HOLD) {
                missing = missingFrom(e.payload());
            }
        }
        if (missing != null) {
            return missing;
        }
        return c.status() == CaseStatus.ON_HOLD ? DocumentRules.missing(c.documents()) : List.of();
    }

    private static List<DocumentType> missingFrom(String payload) {
        try {
            List<DocumentType> list = new ArrayList<>();
            for (JsonNode n : JSON.readTree(payload).at("/data/missing")) {
                list.add(DocumentType.valueOf(n.asText()));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
