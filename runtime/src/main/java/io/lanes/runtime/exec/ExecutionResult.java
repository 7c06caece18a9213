package io.lanes.runtime.exec;

import io.lanes.sdk.program.TransactionError;

import java.util.List;

/**
 * The outcome of one transaction: status, error, fee charged, compute units used and logs.
 * Reusable: the executor overwrites it for each transaction.
 */
public final class ExecutionResult {
    private TransactionStatus status;
    private TransactionError error;
    private long fee;
    private long computeUnitsConsumed;
    private final LogRecorder logs = new LogRecorder();

    void reset() {
        status = null;
        error = null;
        fee = 0;
        computeUnitsConsumed = 0;
        logs.clear();
    }

    void succeed(final long fee, final long units) {
        this.status = TransactionStatus.SUCCEEDED;
        this.error = null;
        this.fee = fee;
        this.computeUnitsConsumed = units;
    }

    void fail(final TransactionError error, final long fee, final long units) {
        this.status = TransactionStatus.FAILED;
        this.error = error;
        this.fee = fee;
        this.computeUnitsConsumed = units;
    }

    void reject(final TransactionError error) {
        this.status = TransactionStatus.REJECTED;
        this.error = error;
        this.fee = 0;
        this.computeUnitsConsumed = 0;
    }

    public TransactionStatus status() {
        return status;
    }

    /** Null when the transaction succeeded. */
    public TransactionError error() {
        return error;
    }

    /** Lamports charged: the fee for an included transaction, 0 for a rejected one. */
    public long fee() {
        return fee;
    }

    public long computeUnitsConsumed() {
        return computeUnitsConsumed;
    }

    public LogRecorder logs() {
        return logs;
    }

    public List<String> logLines() {
        return logs.lines();
    }

    public void copyFrom(final ExecutionResult other) {
        status = other.status;
        error = other.error;
        fee = other.fee;
        computeUnitsConsumed = other.computeUnitsConsumed;
        logs.copyFrom(other.logs);
    }

    @Override
    public String toString() {
        return status + (error == null ? "" : " " + error) + " fee=" + fee + " units=" + computeUnitsConsumed;
    }
}
