package io.lanes.bench.run;

import io.lanes.sdk.Hash;
import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * The repetitions of one mode on one variant, summarised.
 *
 * @param mode                how it ran
 * @param txCount             transactions per run
 * @param medianTps           median throughput over the repetitions
 * @param medianSequentialTps median throughput of the sequential baseline in the same repetitions
 * @param medianSpeedup       median of the paired ratios (this mode's TPS / the sequential TPS of
 *                            the same repetition)
 * @param minSpeedup          smallest paired ratio
 * @param maxSpeedup          largest paired ratio
 * @param latencyNanos        all repetitions' latencies merged
 * @param stateHash           the state hash of the first repetition
 * @param sequentialStateHash the sequential baseline's state hash
 * @param stateMatches        every repetition ended in the sequential state
 * @param invariantsHold      every repetition kept the workload's invariant
 * @param invariantDetail     the first failed invariant's detail, else the last one's
 * @param allocatedBytesPerTx median bytes per transaction on the measuring thread
 * @param cpuShares           parallel: per thread, the median over repetitions of its CPU time / elapsed time
 * @param cpuNanosPerTx       median CPU time per transaction of all measured threads, -1 if unknown
 * @param cpuRatio            median of the per-repetition ratios of this mode's CPU per transaction to the
 *                            sequential executor's (robust to other processes: it counts CPU, not wall time)
 */
public record ModeSummary(
    Mode mode, int txCount, double medianTps, double medianSequentialTps,
    double medianSpeedup, double minSpeedup, double maxSpeedup, Histogram latencyNanos,
    Hash stateHash, Hash sequentialStateHash, boolean stateMatches, boolean invariantsHold, String invariantDetail,
    double allocatedBytesPerTx, Map<String, Double> cpuShares, double cpuNanosPerTx, double cpuRatio) {

    public double p50Micros() {
        return Histograms.percentileMicros(latencyNanos, 50);
    }

    public double p99Micros() {
        return Histograms.percentileMicros(latencyNanos, 99);
    }
}
