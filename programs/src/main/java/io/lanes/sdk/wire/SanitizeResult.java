package io.lanes.sdk.wire;

import io.lanes.sdk.program.TransactionError;

import java.util.Objects;

/**
 * The outcome of {@link Sanitizer#sanitize}: {@link #OK}, or the Solana {@link TransactionError}
 * a validator would answer with plus a human-readable reason naming the broken rule. Immutable.
 */
public final class SanitizeResult {
    /** The transaction passed every rule. */
    public static final SanitizeResult OK = new SanitizeResult(null, "ok");

    private final TransactionError error;
    private final String reason;

    private SanitizeResult(final TransactionError error, final String reason) {
        this.error = error;
        this.reason = reason;
    }

    /** A failure of this kind with a reason. */
    public static SanitizeResult failure(final TransactionError.Kind kind, final String reason) {
        return new SanitizeResult(TransactionError.of(kind), Objects.requireNonNull(reason, "reason"));
    }

    public boolean isOk() {
        return error == null;
    }

    /** Solana's error for the broken rule; null when {@link #isOk()}. */
    public TransactionError error() {
        return error;
    }

    /** The error's kind; null when {@link #isOk()}. */
    public TransactionError.Kind kind() {
        return error == null ? null : error.kind();
    }

    /** Which rule failed and how, e.g. "program id index 0 of instruction 1 is the fee payer". */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return isOk() ? "OK" : error + ": " + reason;
    }
}
