package io.lanes.bench.run;

import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

/**
 * Takes the commit time of every transaction on the scheduler thread, allocation-free: the
 * transactions of one batch (one entry) are remembered by arrival number and all get the one
 * {@code nanoTime} taken when the entry ends. The arrival number ({@link ResolvedTransaction#sequence()})
 * is the submission index as long as nothing is rejected at admission (one submitting thread,
 * FIFO queue); a run with rejections has no latency.
 *
 * <p>Fields are written on the scheduler thread and read after the runtime is closed (its threads
 * joined).
 */
final class LatencyListener implements ExecutionListener {
    private final long[] commitNanos;
    private final int[] entryArrivals;
    private final OutcomeCounter counter = new OutcomeCounter();
    private int entrySize;
    private long lastCommitNanos;
    private long admissionRejections;

    LatencyListener(final int txCount, final int maxBatchSize) {
        commitNanos = new long[txCount];
        entryArrivals = new int[maxBatchSize];
    }

    @Override
    public void onRejected(final Transaction transaction, final TransactionError error) {
        counter.addRejected();
        admissionRejections++;
    }

    @Override
    public void onExecuted(final ResolvedTransaction transaction, final ExecutionResult result) {
        counter.add(result);
        entryArrivals[entrySize++] = (int) transaction.sequence();
    }

    @Override
    public void onEntryEnd(final int worker, final int transactionCount) {
        final long nowNanos = System.nanoTime();
        for (int i = 0; i < entrySize; i++) {
            commitNanos[entryArrivals[i]] = nowNanos;
        }
        entrySize = 0;
        lastCommitNanos = nowNanos;
    }

    long commitNanos(final int tx) {
        return commitNanos[tx];
    }

    long lastCommitNanos() {
        return lastCommitNanos;
    }

    /** Arrival numbers are submission indexes only if admission rejected nothing. */
    boolean latencyValid() {
        return admissionRejections == 0;
    }

    OutcomeCounter counter() {
        return counter;
    }
}
