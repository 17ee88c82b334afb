package id.loket.casefile.model;

import id.loket.staff.model.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The case lifecycle as rules: for each step, the states it may start from, the state it
 * leads to (none for a step that records a fact without moving the case), and the roles
 * that may take it. Services ask here before they change anything; a disabled button is
 * not security.
 */
public final class Lifecycle {

    /** One rule: {@code action} from any of {@code from}, by any of {@code roles}, leads to {@code to}. */
    public record Rule(CaseAction action, Set<CaseStatus> from, CaseStatus to, Set<Role> roles) {
    }

    private static final Set<Role> COUNTER_STAFF = EnumSet.of(Role.COUNTER, Role.SUPERVISOR);
    private static final Set<Role> SUPERVISOR = EnumSet.of(Role.SUPERVISOR);
    private static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.CHECKED_IN, CaseStatus.IN_VERIFICATION,
            CaseStatus.VERIFIED, CaseStatus.INTERVIEWED, CaseStatus.APPROVAL_PENDING, CaseStatus.APPROVED, CaseStatus.ON_HOLD);

    /** From the call to the interview a case is worked at one counter, the one that called it (or resumed it). */
    private static final Set<CaseStatus> AT_COUNTER = EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED,
            CaseStatus.INTERVIEWED);

    private static final List<Rule> RULES = List.of(
            new Rule(CaseAction.CALL, EnumSet.of(CaseStatus.CHECKED_IN), CaseStatus.IN_VERIFICATION, COUNTER_STAFF),
            new Rule(CaseAction.RECORD_DOCUMENT, EnumSet.of(CaseStatus.IN_VERIFICATION), null, COUNTER_STAFF),
            new Rule(CaseAction.VERIFY, EnumSet.of(CaseStatus.IN_VERIFICATION), CaseStatus.VERIFIED, COUNTER_STAFF),
            new Rule(CaseAction.PUT_ON_HOLD, EnumSet.of(CaseStatus.IN_VERIFICATION), CaseStatus.ON_HOLD, COUNTER_STAFF),
            new Rule(CaseAction.RESUME, EnumSet.of(CaseStatus.ON_HOLD), CaseStatus.IN_VERIFICATION, COUNTER_STAFF),
            new Rule(CaseAction.REJECT, EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.INTERVIEWED), CaseStatus.REJECTED, COUNTER_STAFF),
            new Rule(CaseAction.REJECT, EnumSet.of(CaseStatus.APPROVAL_PENDING), CaseStatus.REJECTED, SUPERVISOR),
            new Rule(CaseAction.INTERVIEW, EnumSet.of(CaseStatus.VERIFIED), CaseStatus.INTERVIEWED, COUNTER_STAFF),
            new Rule(CaseAction.FLAG, EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED), null, COUNTER_STAFF),
            new Rule(CaseAction.REQUEST_APPROVAL, EnumSet.of(CaseStatus.INTERVIEWED), CaseStatus.APPROVAL_PENDING, COUNTER_STAFF),
            new Rule(CaseAction.APPROVE, EnumSet.of(CaseStatus.INTERVIEWED), CaseStatus.APPROVED, COUNTER_STAFF),
            new Rule(CaseAction.APPROVE, EnumSet.of(CaseStatus.APPROVAL_PENDING), CaseStatus.APPROVED, SUPERVISOR),
            new Rule(CaseAction.RECORD_PAYMENT, OPEN, null, COUNTER_STAFF),
            new Rule(CaseAction.ISSUE_RECEIPT, EnumSet.of(CaseStatus.APPROVED), CaseStatus.RECEIPT_ISSUED, COUNTER_STAFF),
            new Rule(CaseAction.REPRINT_RECEIPT, EnumSet.of(CaseStatus.RECEIPT_ISSUED, CaseStatus.READY_FOR_PICKUP, CaseStatus.HANDED_OVER),
                    null, COUNTER_STAFF),
            new Rule(CaseAction.MARK_READY, EnumSet.of(CaseStatus.RECEIPT_ISSUED), CaseStatus.READY_FOR_PICKUP, COUNTER_STAFF),
            new Rule(CaseAction.HAND_OVER, EnumSet.of(CaseStatus.READY_FOR_PICKUP), CaseStatus.HANDED_OVER, COUNTER_STAFF));

    private Lifecycle() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /**
     * The state {@code action} leads to from {@code from} when {@code role} takes it (empty for
     * a step that does not move the case), or a refusal saying why.
     */
    public static Optional<CaseStatus> check(CaseStatus from, CaseAction action, Role role) {
        boolean stateAllows = false;
        for (Rule r : RULES) {
            if (r.action() == action && r.from().contains(from)) {
                stateAllows = true;
                if (r.roles().contains(role)) {
                    return Optional.ofNullable(r.to());
                }
            }
        }
        if (stateAllows) {
            throw new TransitionRefused("case.refused.role", action, role);
        }
        throw new TransitionRefused("case.refused.state", action, from);
    }

    /**
     * Whether a case in {@code status} is held by the counter that called it: from the call
     * (IN_VERIFICATION) to the interview (INTERVIEWED) only that counter takes its steps. Before
     * (waiting) and after (on hold, with the supervisor, at the receipt or pickup desk, closed) it
     * is nobody's.
     */
    public static boolean heldAtCounter(CaseStatus status) {
        return AT_COUNTER.contains(status);
    }

    /** Whether {@code role} may take {@code action} on a case in {@code from}. */
    public static boolean allows(CaseStatus from, CaseAction action, Role role) {
        try {
            check(from, action, role);
            return true;
        } catch (TransitionRefused e) {
            return false;
        }
    }

    /** The steps {@code role} may take now on a case in {@code status}: what the screen offers. */
    public static Set<CaseAction> possible(CaseStatus status, Role role) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (Rule r : RULES) {
            if (r.from().contains(status) && r.roles().contains(role)) {
                actions.add(r.action());
            }
        }
        return actions;
    }
}
