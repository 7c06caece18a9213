package io.lanes.ledger;

import io.lanes.sdk.program.TransactionError;

/**
 * The outcome of one executed transaction as the ledger records it: whether it succeeded, why it
 * failed (null when it succeeded), the fee it paid and the compute units it consumed.
 *
 * @param status        {@link Status#SUCCEEDED} exactly when {@code error} is null
 * @param error         why it failed, or null
 * @param feeLamports   fee charged, at least 0
 * @param computeUnits  compute units consumed, at least 0
 */
public record TransactionResult(Status status, TransactionError error, long feeLamports, long computeUnits) {
    /** Whether the transaction's instructions took effect. A failed transaction still pays its fee. */
    public enum Status { SUCCEEDED, FAILED }

    public TransactionResult {
        if (status == null) {
            throw new IllegalArgumentException("status is null");
        }
        if ((status == Status.FAILED) != (error != null)) {
            throw new IllegalArgumentException("a FAILED result needs an error and a SUCCEEDED one none: " + status + ", " + error);
        }
        if (feeLamports < 0 || computeUnits < 0) {
            throw new IllegalArgumentException("fee and compute units are unsigned: " + feeLamports + ", " + computeUnits);
        }
    }

    public static TransactionResult succeeded(final long feeLamports, final long computeUnits) {
        return new TransactionResult(Status.SUCCEEDED, null, feeLamports, computeUnits);
    }

    public static TransactionResult failed(final TransactionError error, final long feeLamports, final long computeUnits) {
        return new TransactionResult(Status.FAILED, error, feeLamports, computeUnits);
    }

    public boolean isSuccess() {
        return status == Status.SUCCEEDED;
    }
}
