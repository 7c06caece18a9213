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

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs transactions through the {@link ParallelRuntime} (scheduler and workers on dedicated
 * threads, the runtime's default configuration otherwise). The calling thread submits every
 * transaction as fast as the input queue takes them (open loop) and takes a {@code nanoTime} per
 * submission. When the queue is full it parks for {@value #FULL_QUEUE_PARK_NANOS} ns: the queue
 * then holds tens of milliseconds of work, so parking never starves the runtime, while spinning
 * or yielding would take CPU from it on a small machine (measured: a yielding submitter used 35-46%
 * of a core during W2 runs); the listener takes the commit times. Throughput is
 * transactions / (last commit - first submission); latency is submit to commit, queueing
 * included.
 */
public final class ParallelRunner {
    private static final long IDLE_TIMEOUT_SECONDS = 600;
    static final long FULL_QUEUE_PARK_NANOS = 50_000;

    private ParallelRunner() {
    }

    /** The configuration the bench runs the runtime with: the defaults, dedicated threads, this idle strategy (null: default). */
    public static RuntimeConfig config(final int workers, final String idleStrategy) {
        final RuntimeConfig defaults = RuntimeConfig.defaults(workers, ThreadingMode.DEDICATED);
        return idleStrategy == null ? defaults : defaults.withIdleStrategy(idleStrategy);
    }

    /** Runs the first {@code txCount} transactions on a fresh genesis with {@code workers} workers. */
    public static RunMeasurement run(final Workload workload, final GeneratedWorkload generated, final int txCount,
        final int workers, final String idleStrategy) throws InterruptedException {
        final ProgramRegistry programs = workload.programs();
        final RuntimeConfig config = config(workers, idleStrategy);
        try (AccountStore store = GenesisLoader.load(generated.genesis(), programs)) {
            final LatencyListener listener = new LatencyListener(txCount, config.batchSize());
            final long[] submitNanos = new long[txCount];
            final double allocatedPerTx;
            final Map<String, Long> cpuNanos;
            try (ParallelRuntime runtime = new ParallelRuntime(new Bank(store, programs, true), config, listener)) {
                runtime.start();
                final Map<String, Long> cpuBefore = ThreadCpu.snapshot();
                final long allocatedBefore = ThreadAllocation.currentThreadBytes();
                submitAll(runtime, generated.transactions(), txCount, submitNanos);
                allocatedPerTx = ThreadAllocation.perTx(allocatedBefore, ThreadAllocation.currentThreadBytes(), txCount);
                runtime.awaitIdle(IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                runtime.applyCommutativeAdds();
                cpuNanos = ThreadCpu.between(cpuBefore, ThreadCpu.snapshot());
            }
            final var outcome = listener.counter().outcome();
            return new RunMeasurement(Mode.parallel(workers), txCount, listener.lastCommitNanos() - submitNanos[0],
                latencies(listener, submitNanos, txCount), store.stateHash(), outcome,
                workload.checkInvariant(generated, store, outcome), allocatedPerTx, cpuNanos);
        }
    }

    /** The measured loop on the submitting side. */
    private static void submitAll(
        final ParallelRuntime runtime, final Transaction[] transactions, final int txCount, final long[] submitNanos) {
        for (int tx = 0; tx < txCount; tx++) {
            long nowNanos = System.nanoTime();
            while (!runtime.submit(transactions[tx])) {
                LockSupport.parkNanos(FULL_QUEUE_PARK_NANOS);
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
