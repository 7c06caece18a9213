package io.lanes.ledger;

import java.io.IOException;

/**
 * The ledger on disk is damaged in a way that recovery must not repair on its own: a bad record
 * followed by valid ones, a broken hash chain, a missing segment, another chain's segments. Carries
 * the {@link LedgerProblem} that says where.
 */
public final class LedgerCorruptException extends IOException {
    private final transient LedgerProblem problem;

    public LedgerCorruptException(final LedgerProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public LedgerCorruptException(final String message) {
        super(message);
        this.problem = null;
    }

    /** Where and what, or null when the message says all. */
    public LedgerProblem problem() {
        return problem;
    }
}
