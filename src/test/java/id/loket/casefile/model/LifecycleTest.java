package id.loket.casefile.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.staff.model.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (status, action, role) against the table below, written from the office rules
 * (docs/office-rules.md, "Case lifecycle" and "People and roles"), not from {@code Lifecycle.RULES}.
 * Whatever the table does not list is refused.
 */
class LifecycleTest {

    /**
     * action, from, roles (C = counter officer, S = supervisor), to ("=" a step that records a
     * fact and leaves the case where it is). ADMIN appears nowhere: it runs the office's
     * settings, not its cases. CHECK_IN creates a case and so starts from no state.
     */
    private static final String TABLE = """
            CALL              CHECKED_IN        CS  IN_VERIFICATION
            RECORD_DOCUMENT   IN_VERIFICATION   CS  =
            VERIFY            IN_VERIFICATION   CS  VERIFIED
            PUT_ON_HOLD       IN_VERIFICATION   CS  ON_HOLD
            RESUME            ON_HOLD           CS  IN_VERIFICATION
            REJECT            IN_VERIFICATION   CS  REJECTED
            REJECT            INTERVIEWED       CS  REJECTED
            REJECT            APPROVAL_PENDING  S   REJECTED
            INTERVIEW         VERIFIED          CS  INTERVIEWED
            FLAG              IN_VERIFICATION   CS  =
            FLAG              VERIFIED          CS  =
            FLAG              INTERVIEWED       CS  =
            REQUEST_APPROVAL  INTERVIEWED       CS  APPROVAL_PENDING
            APPROVE           INTERVIEWED       CS  APPROVED
            APPROVE           APPROVAL_PENDING  S   APPROVED
            RECORD_PAYMENT    CHECKED_IN        CS  =
            RECORD_PAYMENT    IN_VERIFICATION   CS  =
            RECORD_PAYMENT    VERIFIED          CS  =
            RECORD_PAYMENT    INTERVIEWED       CS  =
            RECORD_PAYMENT    APPROVAL_PENDING  CS  =
            RECORD_PAYMENT    APPROVED          CS  =
            RECORD_PAYMENT    ON_HOLD           CS  =
            ISSUE_RECEIPT     APPROVED          CS  RECEIPT_ISSUED
            REPRINT_RECEIPT   RECEIPT_ISSUED    CS  =
            REPRINT_RECEIPT   READY_FOR_PICKUP  CS  =
            REPRINT_RECEIPT   HANDED_OVER       CS  =
            MARK_READY        RECEIPT_ISSUED    CS  READY_FOR_PICKUP
            HAND_OVER         READY_FOR_PICKUP  CS  HANDED_OVER
            """;

    /** What the table says of one (status, action): who may, and where it leads (empty = stays). */
    private record Allowed(Set<Role> roles, Optional<CaseStatus> to) {
    }

    private static final Map<String, Allowed> EXPECTED = parse();

    private static String key(CaseStatus from, CaseAction action) {
        return from + " " + action;
    }

    private static Map<String, Allowed> parse() {
        Map<String, Allowed> m = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (f[2].contains("C")) {
                roles.add(Role.COUNTER);
            }
            if (f[2].contains("S")) {
                roles.add(Role.SUPERVISOR);
            }
            Optional<CaseStatus> to = f[3].equals("=") ? Optional.empty() : Optional.of(CaseStatus.valueOf(f[3]));
            Allowed previous = m.put(key(CaseStatus.valueOf(f[1]), CaseAction.valueOf(f[0])), new Allowed(roles, to));
            assertThat(previous).as("table lists %s once", line).isNull();
        }
        return m;
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            for (CaseAction a : CaseAction.values()) {
                for (Role r : Role.values()) {
                    all.add(Arguments.of(s, a, r));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyCombination")
    void everyStatusActionAndRoleIsAllowedOrRefusedAsTheTableSays(CaseStatus from, CaseAction action, Role role) {
        Allowed allowed = EXPECTED.get(key(from, action));

        if (allowed != null && allowed.roles().contains(role)) {
            assertThat(Lifecycle.check(from, action, role)).isEqualTo(allowed.to());
            assertThat(Lifecycle.allows(from, action, role)).isTrue();
            assertThat(Lifecycle.possible(from, role)).contains(action);
        } else {
            String why = allowed != null ? "case.refused.role" : "case.refused.state";
            assertThatThrownBy(() -> Lifecycle.check(from, action, role))
                    .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.key()).isEqualTo(why));
            assertThat(Lifecycle.allows(from, action, role)).isFalse();
            assertThat(Lifecycle.possible(from, role)).doesNotContain(action);
        }
    }

    @Test
    void theTableCoversAllCombinations() {
        assertThat(everyCombination()).hasSize(CaseStatus.values().length * CaseAction.values().length * Role.values().length);
        long allowed = everyCombination().filter(a -> {
            Object[] x = a.get();
            Allowed e = EXPECTED.get(key((CaseStatus) x[0], (CaseAction) x[1]));
            return e != null && e.roles().contains((Role) x[2]);
        }).count();
        assertThat(allowed).isEqualTo(2L * 26 + 2);
    }

    @Test
    void adminIsRefusedEverywhere() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(Lifecycle.possible(s, Role.ADMIN)).as(s.name()).isEmpty();
            for (CaseAction a : CaseAction.values()) {
                assertThat(Lifecycle.allows(s, a, Role.ADMIN)).as(s + " " + a).isFalse();
            }
        }
    }

    @Test
    void fromApprovalPendingOnlyTheSupervisorApprovesOrRejects() {
        for (CaseAction a : List.of(CaseAction.APPROVE, CaseAction.REJECT)) {
            assertThat(Lifecycle.allows(CaseStatus.APPROVAL_PENDING, a, Role.SUPERVISOR)).as(a.name()).isTrue();
            assertThat(Lifecycle.allows(CaseStatus.APPROVAL_PENDING, a, Role.COUNTER)).as(a.name()).isFalse();
            assertThatThrownBy(() -> Lifecycle.check(CaseStatus.APPROVAL_PENDING, a, Role.COUNTER))
                    .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.key()).isEqualTo("case.refused.role"));
        }
        assertThat(Lifecycle.possible(CaseStatus.APPROVAL_PENDING, Role.COUNTER)).containsExactly(CaseAction.RECORD_PAYMENT);
        assertThat(Lifecycle.possible(CaseStatus.APPROVAL_PENDING, Role.SUPERVISOR))
                .containsExactlyInAnyOrder(CaseAction.REJECT, CaseAction.APPROVE, CaseAction.RECORD_PAYMENT);
    }

    @Test
    void closedStatesAllowNothingButAReprintOfTheReceipt() {
        for (CaseStatus s : List.of(CaseStatus.REJECTED, CaseStatus.NO_SHOW)) {
            for (Role r : Role.values()) {
                assertThat(Lifecycle.possible(s, r)).as(s + " " + r).isEmpty();
            }
        }
        for (Role r : List.of(Role.COUNTER, Role.SUPERVISOR)) {
            assertThat(Lifecycle.possible(CaseStatus.HANDED_OVER, r)).containsExactly(CaseAction.REPRINT_RECEIPT);
            assertThat(Lifecycle.possible(CaseStatus.RECEIPT_ISSUED, r))
                    .containsExactlyInAnyOrder(CaseAction.REPRINT_RECEIPT, CaseAction.MARK_READY);
            assertThat(Lifecycle.possible(CaseStatus.READY_FOR_PICKUP, r))
                    .containsExactlyInAnyOrder(CaseAction.REPRINT_RECEIPT, CaseAction.HAND_OVER);
        }
        assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::isClosed))
                .containsExactlyInAnyOrder(CaseStatus.REJECTED, CaseStatus.NO_SHOW, CaseStatus.HANDED_OVER);
    }

    @Test
    void checkInIsNotAStepOnAnExistingCase() {
        for (CaseStatus s : CaseStatus.values()) {
            for (Role r : Role.values()) {
                assertThat(Lifecycle.allows(s, CaseAction.CHECK_IN, r)).isFalse();
            }
        }
    }

    @Test
    void noShowIsNotAStepOnAnExistingCase() {
        // A no-show is recorded for a booking without a case, by the supervisor's closing of the day.
        assertThat(Lifecycle.rules()).extracting(Lifecycle.Rule::action).doesNotContain(CaseAction.NO_SHOW);
        for (CaseStatus s : CaseStatus.values()) {
            for (Role r : Role.values()) {
                assertThat(Lifecycle.allows(s, CaseAction.NO_SHOW, r)).as(s + " " + r).isFalse();
            }
        }
    }

    @Test
    void theRefusalNamesTheActionAndWhatBlockedIt() {
        assertThatThrownBy(() -> Lifecycle.check(CaseStatus.CHECKED_IN, CaseAction.VERIFY, Role.COUNTER))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.args()).containsExactly(CaseAction.VERIFY, CaseStatus.CHECKED_IN));
        assertThatThrownBy(() -> Lifecycle.check(CaseStatus.APPROVAL_PENDING, CaseAction.APPROVE, Role.COUNTER))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.args()).containsExactly(CaseAction.APPROVE, Role.COUNTER));
    }
}
