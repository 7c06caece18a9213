package io.lanes.bench.run;

import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.Workload;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.wire.Transaction;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Runs transactions through the {@link ParallelRuntime} (scheduler and workers on dedicated
 * threads, the runtime's default configuration otherwise). The calling thread submits every
 * transaction as fast as the input queue takes them (open loop, yielding when it is full) and
 * takes a {@code nanoTime} per submission; the listener takes the commit times. Throughput is
 * transactions / (last commit - first submission); latency is submit to commit, queueing
 * included.
 */
public final class ParallelRunner {
    private static final long IDLE_TIMEOUT_SECONDS = 600;

    private ParallelRunner() {
    }

    /** The configuration the bench runs the runtime with. */
    public static RuntimeConfig config(final int workers) {
        return RuntimeConfig.defaults(workers, ThreadingMode.DEDICATED);
    }

    /** Runs the first {@code txCount} transactions on a fresh genesis with {@code workers} workers. */
    public static RunMeasurement run(final Workload workload, final GeneratedWorkload generated, final int txCount, final int workers)
        throws InterruptedException {
        final ProgramRegistry programs = workload.programs();
        final RuntimeConfig config = config(workers);
        try (AccountStore store = GenesisLoader.load(generated.genesis(), programs)) {
            final LatencyListener listener = new LatencyListener(txCount, config.batchSize());
            final long[] submitNanos = new long[txCount];
            final double allocatedPerTx;
            try (ParallelRuntime runtime = new ParallelRuntime(new Bank(store, programs, true), config, listener)) {
                runtime.start();
                final long allocatedBefore = ThreadAllocation.currentThreadBytes();
                submitAll(runtime, generated.transactions(), txCount, submitNanos);
                allocatedPerTx = ThreadAllocation.perTx(allocatedBefore, ThreadAllocation.currentThreadBytes(), txCount);
                runtime.awaitIdle(IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            final var outcome = listener.counter().outcome();
            return new RunMeasurement(Mode.parallel(workers), txCount, listener.lastCommitNanos() - submitNanos[0],
                latencies(listener, submitNanos, txCount), store.stateHash(), outcome,
                workload.checkInvariant(generated, store, outcome), allocatedPerTx);
        }
    }

    /** The measured loop on the submitting side. */
    private static void submitAll(
        final ParallelRuntime runtime, final Transaction[] transactions, final int txCount, final long[] submitNanos) {
        for (int tx = 0; tx < txCount; tx++) {
            long nowNanos = System.nanoTime();
            while (!runtime.submit(transactions[tx])) {
                Thread.yield();
                nowNanos = System.nanoTime();
            }
            submitNanos[tx] = nowNanos;
        }
    }

    private static Histogram latencies(final LatencyListener listener, final long[] submitNanos, final int txCount) {
        final Histogram histogram = Histograms.newNanos();
        if (listener.latencyValid()) {
            for (int tx = 0; tx < txCount; tx++) {
                Histograms.recordClamped(histogram, listener.commitNanos(tx) - submitNanos[tx]);
            }
        }
        return histogram;
    }
}
