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
    private long[] preBalances = new long[16];
    private long[] postBalances = new long[16];
    private int balanceCount;

    void reset() {
        status = null;
        error = null;
        fee = 0;
        computeUnitsConsumed = 0;
        balanceCount = 0;
        logs.clear();
    }

    /** Records each account's lamports before and after (after = what was committed). */
    void balances(final int count, final long[] before, final long[] after) {
        if (preBalances.length < count) {
            preBalances = new long[Math.max(count, preBalances.length * 2)];
            postBalances = new long[preBalances.length];
        }
        System.arraycopy(before, 0, preBalances, 0, count);
        System.arraycopy(after, 0, postBalances, 0, count);
        balanceCount = count;
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

    /** Number of entries in the balance lists: the account key count, or 0 for a rejected transaction. */
    public int balanceCount() {
        return balanceCount;
    }

    /** Lamports of the message's account at this index before the transaction (Solana's meta.preBalances). */
    public long preBalance(final int accountIndex) {
        return preBalances[accountIndex];
    }

    /** Lamports after the transaction (Solana's meta.postBalances). */
    public long postBalance(final int accountIndex) {
        return postBalances[accountIndex];
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
        balances(other.balanceCount, other.preBalances, other.postBalances);
        logs.copyFrom(other.logs);
    }

    @Override
    public String toString() {
        return status + (error == null ? "" : " " + error) + " fee=" + fee + " units=" + computeUnitsConsumed;
    }
}
