package id.loket.supervisor.model;

import id.loket.casefile.model.CaseStatus;

/** A case of the day still open at closing: who, where it stands, and at which counter (null if none yet). */
public record OpenCase(String caseRef, String queueNumber, String name, CaseStatus status, String counter) {
}
