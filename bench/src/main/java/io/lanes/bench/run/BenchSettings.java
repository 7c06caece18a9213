package io.lanes.bench.run;

import io.lanes.bench.workload.Workload;

import java.util.ArrayList;
import java.util.List;

/**
 * How much to run per workload variant.
 *
 * @param txCount    transactions per run (a workload may make fewer, see W8)
 * @param warmupTxs  transactions of the warm-up run of each mode (capped at the count)
 * @param repetitions measured runs per mode, interleaved: rep 1 of every mode, then rep 2, ...
 * @param workers    worker counts of the parallel runs
 * @param seed       the seed of every workload
 * @param idleStrategy the parallel runtime's idle strategy, null for its default
 * @param diagnose   also run the runtime in SHARED mode on one thread ({@link SharedRunner})
 * @param stages     which stages run, and how the pipeline and e2e stages do
 */
public record BenchSettings(
    int txCount, int warmupTxs, int repetitions, List<Integer> workers, long seed, String idleStrategy, boolean diagnose,
    StageSettings stages) {

    /** Settings of the execute stage alone. */
    public BenchSettings(final int txCount, final int warmupTxs, final int repetitions, final List<Integer> workers, final long seed,
        final String idleStrategy, final boolean diagnose) {
        this(txCount, warmupTxs, repetitions, workers, seed, idleStrategy, diagnose, StageSettings.executeOnly());
    }

    public BenchSettings {
        if (txCount < 1 || warmupTxs < 0 || repetitions < 1 || workers.isEmpty()) {
            throw new IllegalArgumentException("need txs >= 1, warm-up >= 0, reps >= 1 and a worker count: " + txCount
                + ", " + warmupTxs + ", " + repetitions + ", " + workers);
        }
        workers = List.copyOf(workers);
    }

    /**
     * The execute stage's modes: the sequential baseline first (it always runs: the other stages compare with
     * it), then, if the execute stage is selected, the parallel runtime at each worker count (then the diagnostic).
     */
    public List<Mode> modes() {
        final List<Mode> modes = new ArrayList<>();
        modes.add(Mode.sequential());
        if (stages.stages().contains(Stage.EXECUTE)) {
            workers.forEach(count -> modes.add(Mode.parallel(count)));
            if (diagnose) {
                modes.add(Mode.shared(1));
            }
        }
        return modes;
    }

    /** Every mode a variant runs in: {@link #modes()}, then the pipeline and e2e stages where they apply. */
    public List<Mode> modes(final Workload workload) {
        final List<Mode> modes = modes();
        if (stages.runsOn(workload)) {
            modes.addAll(stages.modes());
        }
        return modes;
    }

    /** The seed a variant's workload is generated with: the same for every stage, so that they share a genesis. */
    public long variantSeed(final Workload workload) {
        return seed * 31 + workload.label().hashCode();
    }

    /** Most repetitions a short variant gets. */
    static final int MAX_REPETITIONS = 25;

    /**
     * Repetitions for a variant of {@code variantTxs} transactions: more for a short one (W8), so that
     * every mode is measured over about {@code repetitions x txCount} transactions, at most {@value #MAX_REPETITIONS}.
     */
    public int repetitionsFor(final int variantTxs) {
        final long scaled = ((long) repetitions * txCount + variantTxs - 1) / Math.max(1, variantTxs);
        return (int) Math.max(repetitions, Math.min(MAX_REPETITIONS, scaled));
    }

    /** Runs for a variant of {@code variantTxs} transactions: a warm-up and the repetitions for each mode. */
    public int runsPerVariant(final int variantTxs) {
        return modes().size() * (repetitionsFor(variantTxs) + (warmupTxs > 0 ? 1 : 0));
    }

    /** Runs for this variant, the pipeline and e2e stages included. */
    public int runsPerVariant(final Workload workload, final int variantTxs) {
        return runsPerVariant(variantTxs) + (stages.runsOn(workload) ? stages.runsPerVariant() : 0);
    }
}
