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

/**
 * A diagnostic, not a result of the suite: the parallel runtime in {@link ThreadingMode#SHARED}
 * mode driven on the calling thread ({@link ParallelRuntime#runUntilIdle()}), so the scheduler,
 * the workers and the completions run one after another on one thread with no hand-off waits.
 * Its time per transaction against the sequential executor's is the CPU the runtime's machinery
 * adds per transaction (queues, packing, locks, batches), independent of threads, idle strategies
 * and other processes competing for the cores.
 */
public final class SharedRunner {
    /** Submitted per chunk before driving the runtime until idle (below the input queue's capacity). */
    private static final int CHUNK_TXS = 8_192;

    private SharedRunner() {
    }

    public static RunMeasurement run(final Workload workload, final GeneratedWorkload generated, final int txCount, final int workers) {
        final ProgramRegistry programs = workload.programs();
        final RuntimeConfig config = RuntimeConfig.defaults(workers, ThreadingMode.SHARED);
        try (AccountStore store = GenesisLoader.load(generated.genesis(), programs)) {
            final LatencyListener listener = new LatencyListener(txCount, config.batchSize());
            final long startNanos;
            final long endNanos;
            final Map<String, Long> cpuNanos;
            try (ParallelRuntime runtime = new ParallelRuntime(new Bank(store, programs, true), config, listener)) {
                final long cpuBeforeNanos = ThreadCpu.currentThreadNanos();
                startNanos = System.nanoTime();
                runInChunks(runtime, generated.transactions(), txCount);
                runtime.applyCommutativeAdds();
                endNanos = System.nanoTime();
                cpuNanos = ThreadCpu.callerBetween(cpuBeforeNanos, ThreadCpu.currentThreadNanos());
            }
            final var outcome = listener.counter().outcome();
            final Histogram none = Histograms.newNanos();
            return new RunMeasurement(Mode.shared(workers), txCount, endNanos - startNanos, none, store.stateHash(), outcome,
                workload.checkInvariant(generated, store, outcome), -1, cpuNanos);
        }
    }

    private static void runInChunks(final ParallelRuntime runtime, final Transaction[] transactions, final int txCount) {
        for (int chunkStart = 0; chunkStart < txCount; chunkStart += CHUNK_TXS) {
            final int chunkEnd = Math.min(txCount, chunkStart + CHUNK_TXS);
            for (int tx = chunkStart; tx < chunkEnd; tx++) {
                if (!runtime.submit(transactions[tx])) {
                    throw new IllegalStateException("input queue full after " + (tx - chunkStart) + " of a chunk");
                }
            }
            runtime.runUntilIdle();
        }
    }
}
