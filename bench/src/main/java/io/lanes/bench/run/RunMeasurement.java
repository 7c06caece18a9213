package io.lanes.bench.run;

import io.lanes.bench.workload.InvariantResult;
import io.lanes.bench.workload.RunOutcome;
import io.lanes.sdk.Hash;
import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * One run of a workload's transactions in one mode on a fresh genesis.
 *
 * @param mode                how it ran
 * @param txCount             transactions run
 * @param elapsedNanos        first submission (or execution) to last commit
 * @param latencyNanos        per transaction: submit to commit (parallel) or execution time (sequential)
 * @param stateHash           the store's state hash afterwards
 * @param outcome             counted results
 * @param invariant           the workload's invariant on the state afterwards
 * @param allocatedBytesPerTx bytes the measuring thread allocated per transaction (sequential:
 *                            everything; parallel: the submitting thread only), -1 if unknown
 * @param threadCpuNanos      CPU time per thread over the run ({@link ThreadCpu}): the runtime's threads and the
 *                            submitter for parallel runs, the caller for sequential and shared runs; empty if unknown
 * @param expectedStateHash   the state the sequential executor reaches from this run's own genesis with this run's
 *                            transactions, when that genesis differs from the variant's (e2e: the node adds its faucet);
 *                            null: the variant's sequential run is the reference
 */
public record RunMeasurement(
    Mode mode, int txCount, long elapsedNanos, Histogram latencyNanos, Hash stateHash,
    RunOutcome outcome, InvariantResult invariant, double allocatedBytesPerTx, Map<String, Long> threadCpuNanos,
    Hash expectedStateHash) {

    /** A run on the variant's genesis: the variant's sequential run is its reference state. */
    public RunMeasurement(final Mode mode, final int txCount, final long elapsedNanos, final Histogram latencyNanos,
        final Hash stateHash, final RunOutcome outcome, final InvariantResult invariant, final double allocatedBytesPerTx,
        final Map<String, Long> threadCpuNanos) {
        this(mode, txCount, elapsedNanos, latencyNanos, stateHash, outcome, invariant, allocatedBytesPerTx, threadCpuNanos, null);
    }

    /** The state this run must end in: {@link #expectedStateHash} if set, else the variant's sequential one. */
    public Hash expectedStateHash(final Hash sequentialStateHash) {
        return expectedStateHash != null ? expectedStateHash : sequentialStateHash;
    }

    /** Transactions per second. */
    public double tps() {
        return txCount * 1e9 / Math.max(1, elapsedNanos);
    }

    /** CPU nanoseconds all measured threads used per transaction (spinning and yielding idle threads included), -1 if unknown. */
    public double cpuNanosPerTx() {
        return threadCpuNanos.isEmpty() ? -1 : threadCpuNanos.values().stream().mapToLong(Long::longValue).sum() / (double) txCount;
    }

    /** A thread's CPU time as a share of the elapsed time (1.0: busy all along), or 0 if not measured. */
    public double cpuShare(final String thread) {
        return threadCpuNanos.getOrDefault(thread, 0L) / (double) Math.max(1, elapsedNanos);
    }
}
