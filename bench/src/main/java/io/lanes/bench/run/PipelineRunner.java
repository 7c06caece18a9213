package io.lanes.bench.run;

import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.RunOutcome;
import io.lanes.bench.workload.Workload;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.ingest.Ed25519Verifier;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.wire.SanitizeResult;
import io.lanes.sdk.wire.Sanitizer;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The pipeline stage: signature verification, execution and a durable ledger, in this JVM
 * ({@link InProcessPipeline}). The calling thread does what the ingest port's event loop does for
 * each wire transaction (decode, sanitize, offer to the sigverify queue, parking
 * {@value #FULL_QUEUE_PARK_NANOS} ns while the queue is full); the wire bytes are made before the
 * clock starts. The run ends when the last transaction is confirmed, i.e. its block is durable:
 * TPS = transactions / (first decode to last confirmation), latency = offer to confirmation.
 */
public final class PipelineRunner {
    static final long FULL_QUEUE_PARK_NANOS = 50_000;
    /** A run gives up when nothing was confirmed for this long (or ten slots, if longer). */
    static final long MIN_STALL_MILLIS = 10_000;
    private static final long STALL_SLOTS = 10;

    private PipelineRunner() {
    }

    /** Runs the first {@code txCount} transactions on a fresh genesis and a new ledger in the scratch folder. */
    public static RunMeasurement run(final Workload workload, final GeneratedWorkload generated, final int txCount,
        final StageSettings stages, final Ed25519Verifier verifier, final String idleStrategy) throws IOException, InterruptedException {
        final byte[][] wires = wireBytes(generated.transactions(), txCount);
        final ConfirmationTracker tracker = new ConfirmationTracker(generated.transactions(), txCount);
        final ProgramRegistry programs = workload.programs();
        final Path ledgerDir = ScratchDirs.create(stages.scratchDir(), "pipeline-");
        try (AccountStore store = GenesisLoader.load(generated.genesis(), programs)) {
            final long[] submitNanos = new long[txCount];
            final long startNanos;
            final double allocatedPerTx;
            final Map<String, Long> cpuNanos;
            try (InProcessPipeline pipeline = InProcessPipeline.start(store, programs, ledgerDir,
                ParallelRunner.config(stages.workers(), idleStrategy), stages.slotMillis(), verifier, tracker, tracker)) {
                final Map<String, Long> cpuBefore = ThreadCpu.snapshot();
                final long allocatedBefore = ThreadAllocation.currentThreadBytes();
                startNanos = System.nanoTime();
                submitAll(pipeline, wires, submitNanos);
                allocatedPerTx = ThreadAllocation.perTx(allocatedBefore, ThreadAllocation.currentThreadBytes(), txCount);
                tracker.awaitAll(stallMillis(stages.slotMillis()));
                cpuNanos = ThreadCpu.between(cpuBefore, ThreadCpu.snapshot());
            }
            final RunOutcome outcome = tracker.outcome();
            return new RunMeasurement(Mode.ofStage(Stage.PIPELINE, stages.workers()), txCount,
                tracker.lastConfirmedNanos() - startNanos, tracker.latencies(submitNanos), store.stateHash(), outcome,
                workload.checkInvariant(generated, store, outcome), allocatedPerTx, cpuNanos);
        } finally {
            ScratchDirs.delete(ledgerDir);
        }
    }

    /** How long a run waits without a new confirmation before it gives up. */
    static long stallMillis(final long slotMillis) {
        return Math.max(MIN_STALL_MILLIS, STALL_SLOTS * slotMillis);
    }

    /** Each transaction as it arrives on the wire (made before the clock starts). */
    static byte[][] wireBytes(final Transaction[] transactions, final int txCount) {
        final byte[][] wires = new byte[txCount][];
        for (int tx = 0; tx < txCount; tx++) {
            wires[tx] = transactions[tx].wire() != null ? transactions[tx].wire() : TransactionCodec.encode(transactions[tx]);
        }
        return wires;
    }

    /** The measured loop on the submitting side: the ingest event loop's work per frame. */
    private static void submitAll(final InProcessPipeline pipeline, final byte[][] wires, final long[] submitNanos) {
        for (int tx = 0; tx < wires.length; tx++) {
            final Transaction transaction = TransactionCodec.decode(wires[tx]);
            final SanitizeResult sanitized = Sanitizer.sanitize(transaction);
            if (!sanitized.isOk()) {
                throw new IllegalStateException("workload transaction " + tx + " fails sanitize: " + sanitized.error());
            }
            long nowNanos = System.nanoTime();
            while (!pipeline.offer(transaction)) {
                LockSupport.parkNanos(FULL_QUEUE_PARK_NANOS);
                nowNanos = System.nanoTime();
            }
            submitNanos[tx] = nowNanos;
        }
    }
}
