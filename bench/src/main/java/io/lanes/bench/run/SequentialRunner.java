package io.lanes.bench.run;

import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.Workload;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.SequentialExecutor;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.wire.Transaction;
import org.HdrHistogram.Histogram;

/**
 * Runs transactions through the {@link SequentialExecutor} on the calling thread: admission
 * (blockhash, duplicate signature), key resolution, execution, commit, one by one. The measured
 * loop takes one {@code nanoTime} per transaction into a pre-allocated array and allocates
 * nothing itself; the allocation it reports is the executor's.
 */
public final class SequentialRunner {
    private SequentialRunner() {
    }

    /** Runs the first {@code txCount} transactions on a fresh genesis. */
    public static RunMeasurement run(final Workload workload, final GeneratedWorkload generated, final int txCount) {
        final ProgramRegistry programs = workload.programs();
        try (AccountStore store = GenesisLoader.load(generated.genesis(), programs)) {
            final SequentialExecutor executor = new SequentialExecutor(new Bank(store, programs, true));
            final long[] timestampsNanos = new long[txCount + 1];
            final OutcomeCounter counter = new OutcomeCounter();
            final long allocatedBefore = ThreadAllocation.currentThreadBytes();
            final long cpuBeforeNanos = ThreadCpu.currentThreadNanos();
            executeAll(executor, generated.transactions(), txCount, timestampsNanos, counter);
            executor.applyCommutativeAdds();
            final long cpuAfterNanos = ThreadCpu.currentThreadNanos();
            final long allocatedAfter = ThreadAllocation.currentThreadBytes();
            final var outcome = counter.outcome();
            return new RunMeasurement(Mode.sequential(), txCount, timestampsNanos[txCount] - timestampsNanos[0],
                executionTimes(timestampsNanos, txCount), store.stateHash(), outcome,
                workload.checkInvariant(generated, store, outcome),
                ThreadAllocation.perTx(allocatedBefore, allocatedAfter, txCount), ThreadCpu.callerBetween(cpuBeforeNanos, cpuAfterNanos));
        }
    }

    /** The measured loop: timestamp i+1 is taken right after transaction i. */
    private static void executeAll(
        final SequentialExecutor executor, final Transaction[] transactions, final int txCount,
        final long[] timestampsNanos, final OutcomeCounter counter) {
        final ExecutionResult result = new ExecutionResult();
        timestampsNanos[0] = System.nanoTime();
        for (int tx = 0; tx < txCount; tx++) {
            executor.execute(transactions[tx], result);
            counter.add(result);
            timestampsNanos[tx + 1] = System.nanoTime();
        }
    }

    private static Histogram executionTimes(final long[] timestampsNanos, final int txCount) {
        final Histogram histogram = Histograms.newNanos();
        for (int tx = 0; tx < txCount; tx++) {
            Histograms.recordClamped(histogram, timestampsNanos[tx + 1] - timestampsNanos[tx]);
        }
        return histogram;
    }
}
