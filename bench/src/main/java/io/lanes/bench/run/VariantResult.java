package io.lanes.bench.run;

import io.lanes.bench.workload.Workload;
import io.lanes.sdk.Hash;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured repetitions of every mode on one workload variant. */
public final class VariantResult {
    private final Workload workload;
    private final int txCount;
    private final Map<Mode, List<RunMeasurement>> runs = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private List<ModeSummary> summaries;

    public VariantResult(final Workload workload, final int txCount, final List<Mode> modes) {
        this.workload = workload;
        this.txCount = txCount;
        modes.forEach(mode -> runs.put(mode, new ArrayList<>()));
    }

    void add(final RunMeasurement measurement) {
        runs.get(measurement.mode()).add(measurement);
        summaries = null;
    }

    /** A run that could not finish (an exception), reported as a failure. */
    void addError(final String error) {
        errors.add(error);
    }

    public Workload workload() {
        return workload;
    }

    public int txCount() {
        return txCount;
    }

    public List<RunMeasurement> runs(final Mode mode) {
        return runs.get(mode);
    }

    /** One summary per mode that has runs, the sequential baseline first. */
    public List<ModeSummary> summaries() {
        if (summaries == null) {
            final List<RunMeasurement> sequential = runs.get(Mode.sequential());
            final List<ModeSummary> made = new ArrayList<>();
            runs.forEach((mode, measured) -> {
                if (!measured.isEmpty()) {
                    made.add(summarise(mode, measured, sequential));
                }
            });
            summaries = List.copyOf(made);
        }
        return summaries;
    }

    private ModeSummary summarise(final Mode mode, final List<RunMeasurement> measured, final List<RunMeasurement> sequential) {
        final double[] speedups = speedups(mode, measured, sequential);
        final Histogram latency = Histograms.newNanos();
        measured.forEach(run -> latency.add(run.latencyNanos()));
        final Hash sequentialHash = sequential.get(0).stateHash();
        final RunMeasurement failedInvariant = measured.stream().filter(run -> !run.invariant().ok()).findFirst().orElse(null);
        return new ModeSummary(mode, measured.get(0).txCount(), median(measured.stream().mapToDouble(RunMeasurement::tps).toArray()),
            median(sequential.stream().mapToDouble(RunMeasurement::tps).toArray()),
            median(speedups), Arrays.stream(speedups).min().orElse(0), Arrays.stream(speedups).max().orElse(0), latency,
            measured.get(0).stateHash(), measured.get(0).expectedStateHash(sequentialHash),
            measured.stream().allMatch(run -> run.stateHash().equals(run.expectedStateHash(sequentialHash))),
            failedInvariant == null,
            (failedInvariant != null ? failedInvariant : measured.get(measured.size() - 1)).invariant().detail(),
            median(measured.stream().mapToDouble(RunMeasurement::allocatedBytesPerTx).toArray()),
            medianCpuShares(measured),
            median(measured.stream().mapToDouble(RunMeasurement::cpuNanosPerTx).toArray()),
            median(cpuRatios(mode, measured, sequential)));
    }

    /**
     * Per repetition, this mode's TPS over the sequential TPS: of the same repetition for execute-stage modes
     * (run side by side), of the sequential median for the pipeline and e2e stages (they run their own repetitions).
     */
    private static double[] speedups(final Mode mode, final List<RunMeasurement> measured, final List<RunMeasurement> sequential) {
        final double sequentialMedian = median(sequential.stream().mapToDouble(RunMeasurement::tps).toArray());
        final double[] speedups = new double[measured.size()];
        for (int rep = 0; rep < measured.size(); rep++) {
            speedups[rep] = measured.get(rep).tps() / (mode.stage() == Stage.EXECUTE ? sequential.get(rep).tps() : sequentialMedian);
        }
        return speedups;
    }

    private static double[] cpuRatios(final Mode mode, final List<RunMeasurement> measured, final List<RunMeasurement> sequential) {
        final double sequentialMedian = median(sequential.stream().mapToDouble(RunMeasurement::cpuNanosPerTx).toArray());
        final double[] ratios = new double[measured.size()];
        for (int rep = 0; rep < measured.size(); rep++) {
            ratios[rep] = measured.get(rep).cpuNanosPerTx()
                / (mode.stage() == Stage.EXECUTE ? sequential.get(rep).cpuNanosPerTx() : sequentialMedian);
        }
        return ratios;
    }

    private static Map<String, Double> medianCpuShares(final List<RunMeasurement> measured) {
        final Map<String, Double> shares = new java.util.TreeMap<>();
        if (!measured.get(0).mode().name().equals(Mode.PARALLEL)) {
            return shares;
        }
        measured.get(0).threadCpuNanos().keySet().forEach(thread -> shares.put(thread,
            median(measured.stream().mapToDouble(run -> run.cpuShare(thread)).toArray())));
        return shares;
    }

    /** What went wrong: state hashes that differ from the sequential one, broken invariants, runs that could not finish. */
    public List<String> failures() {
        final List<String> failures = new ArrayList<>(errors);
        final Hash sequentialHash = runs.get(Mode.sequential()).get(0).stateHash();
        runs.forEach((mode, measured) -> {
            for (int rep = 0; rep < measured.size(); rep++) {
                final RunMeasurement run = measured.get(rep);
                final String where = workload.label() + " " + mode.label() + " rep " + (rep + 1) + ": ";
                final Hash expected = run.expectedStateHash(sequentialHash);
                if (!run.stateHash().equals(expected)) {
                    failures.add(where + "STATE HASH MISMATCH " + run.stateHash() + " != sequential " + expected);
                }
                if (!run.invariant().ok()) {
                    failures.add(where + "INVARIANT FAILED: " + run.invariant().detail());
                }
            }
        });
        return failures;
    }

    /**
     * Per repetition, the TPS of mode {@code numerator} over that of mode {@code denominator} in the same
     * repetition (the modes run interleaved), for as many repetitions as both have.
     */
    public double[] pairedTpsRatios(final Mode numerator, final Mode denominator) {
        final List<RunMeasurement> top = runs.getOrDefault(numerator, List.of());
        final List<RunMeasurement> bottom = runs.getOrDefault(denominator, List.of());
        final double[] ratios = new double[Math.min(top.size(), bottom.size())];
        for (int rep = 0; rep < ratios.length; rep++) {
            ratios[rep] = top.get(rep).tps() / bottom.get(rep).tps();
        }
        return ratios;
    }

    /** The median of the values (0 for none). */
    public static double median(final double[] values) {
        if (values.length == 0) {
            return 0;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
