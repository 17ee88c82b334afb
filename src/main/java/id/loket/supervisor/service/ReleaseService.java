package id.loket.supervisor.service;

import id.loket.casefile.service.Cases;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.service.Officer;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Releasing a case from a counter, by a supervisor: from the call to the interview a case is
 * worked at the counter that called it, and no other counter may take its steps. When that
 * counter's desk stops (a crash, a power cut) with an applicant in front of it, the supervisor
 * releases the case: the counter and the officer are cleared, the state and everything done so
 * far stay (no step is undone, nothing goes back into the queue), and the next step by any
 * counter takes the case and holds it from then on. Audited as a RELEASE row of the case's trail
 * (who released it, from which counter, why); no event for central (the contract has no type for
 * it, and central does not know counters).
 */
public final class ReleaseService {

    /** The longest reason kept in the audit trail. */
    public static final int REASON_MAX = 500;

    private final CaseWork work;

    public ReleaseService(CaseWork work) {
        this.work = work;
    }

    /**
     * Releases {@code caseRef} from the counter that holds it; {@code reason} is optional (what
     * happened to the desk). A case no counter holds is refused in words.
     */
    @Guarded(Permission.RELEASE_CASE)
    public CaseFile release(String caseRef, Session session, String reason) {
        Officer actor = work.require(session, Permission.RELEASE_CASE);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new UserFacingException("release.reasonTooLong", REASON_MAX);
        }
        return work.db().inTransaction(tx -> {
            Cases cases = new Cases(tx);
            CaseFile c = cases.find(caseRef).orElseThrow(() -> new UserFacingException("case.unknown", caseRef));
            if (!Lifecycle.heldAtCounter(c.status()) || c.counter() == null) {
                throw new UserFacingException("release.notHeld", c.queueNumber().toString(), c.status());
            }
            OffsetDateTime now = work.now();
            if (!cases.release(caseRef, c.rowVersion(), now)) {
                throw new UserFacingException("case.changedMeanwhile", c.queueNumber());
            }
            String details = "released from counter " + c.counter() + " (" + (c.officer() == null ? "-" : c.officer()) + ")"
                    + (why == null ? "" : ": " + why);
            work.record(tx, caseRef, actor, now, List.of(new Step(CaseAction.RELEASE, c.status(), c.status(), details, List.of())));
            return cases.find(caseRef).orElseThrow();
        });
    }
}
