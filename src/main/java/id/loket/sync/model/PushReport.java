package id.loket.sync.model;

import java.util.Optional;

/**
 * What one push did: the answers central gave in it ({@code sent} = APPLIED, {@code duplicates},
 * {@code conflicts}, {@code invalid}) and the backlog it left ({@code waiting}, {@code held},
 * {@code failed}). {@code problem} says, in the user's language, why the push stopped early
 * (central unreachable, a refused token), if it did. {@code skipped}: central was not called at
 * all, because the circuit breaker holds calls back after repeated failures.
 */
public record PushReport(int sent, int duplicates, int conflicts, int invalid, int waiting, int held, int failed,
        Optional<String> problem, boolean skipped) {

    /** Central answered events in this push. */
    public boolean answered() {
        return sent + duplicates + conflicts + invalid > 0;
    }

    /** Nothing stopped the push: everything that could be sent now was sent and answered. */
    public boolean complete() {
        return problem.isEmpty();
    }
}
