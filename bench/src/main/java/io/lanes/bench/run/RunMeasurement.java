package io.lanes.bench.run;

import io.lanes.bench.workload.InvariantResult;
import io.lanes.bench.workload.RunOutcome;
import io.lanes.sdk.Hash;
import org.HdrHistogram.Histogram;

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
 */
public record RunMeasurement(
    Mode mode, int txCount, long elapsedNanos, Histogram latencyNanos, Hash stateHash,
    RunOutcome outcome, InvariantResult invariant, double allocatedBytesPerTx) {

    /** Transactions per second. */
    public double tps() {
        return txCount * 1e9 / Math.max(1, elapsedNanos);
    }
}
