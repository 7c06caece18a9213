package io.lanes.bench.run;

import io.lanes.bench.workload.IndependentTransfers;
import io.lanes.bench.workload.RandomTransfers;
import io.lanes.bench.workload.Workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the pipeline and e2e stages run.
 *
 * @param stages        the stages selected ({@link Stage#EXECUTE} runs the parallel runtime's execute modes; the
 *                      sequential baseline runs whatever is selected)
 * @param repetitions   measured runs per variant of each of the pipeline and e2e stages
 * @param warmupTxs     transactions of the pipeline's warm-up run per variant (0: none)
 * @param workers       the runtime's workers in both stages (the node's default: cores - 1, at least 1)
 * @param slotMillis    slot length: a block is sealed into the ledger at the end of every slot
 * @param w1Accounts    the W1 variants the pipeline and e2e stages run
 * @param scratchDir    where ledgers and data dirs are made (a disk, not tmpfs, so that fsync costs what it costs);
 *                      each run's folder is deleted after it
 */
public record StageSettings(
    Set<Stage> stages, int repetitions, int warmupTxs, int workers, long slotMillis, List<Integer> w1Accounts, Path scratchDir) {
    /**
     * Most transactions per pipeline or e2e run: the node keeps this many executed transactions in memory
     * ({@link io.lanes.runtime.node.NodeState#MAX_RECORDS}), and a transaction it forgot can no longer be
     * reported confirmed.
     */
    public static final int MAX_TXS = io.lanes.runtime.node.NodeState.MAX_RECORDS;

    public StageSettings {
        stages = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
        w1Accounts = List.copyOf(w1Accounts);
        if (repetitions < 1 || warmupTxs < 0 || workers < 1 || slotMillis < 1) {
            throw new IllegalArgumentException("need stage reps >= 1, warm-up >= 0, workers >= 1 and slot ms >= 1: "
                + repetitions + ", " + warmupTxs + ", " + workers + ", " + slotMillis);
        }
    }

    /** The execute stage only (no pipeline or e2e runs). */
    public static StageSettings executeOnly() {
        return new StageSettings(EnumSet.of(Stage.EXECUTE), 1, 0, 1, 400, List.of(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Whether the pipeline and e2e stages run this variant: W2 and the W1 variants of {@link #w1Accounts}.
     * Their final state must not depend on the order of execution, because the sigverify agents hand
     * transactions on in no fixed order across agents: true of the transfer workloads, where every account
     * holds enough for all it sends (W4 would qualify too but is left out to keep runs short), not of W3 and
     * W5 (swap prices depend on the order) or W8 (a chain).
     */
    public boolean runsOn(final Workload workload) {
        if (workload instanceof RandomTransfers transfers) {
            return w1Accounts.contains(transfers.accounts());
        }
        return workload instanceof IndependentTransfers;
    }

    /** The pipeline and e2e modes selected, in that order. */
    public List<Mode> modes() {
        final List<Mode> modes = new ArrayList<>();
        for (final Stage stage : List.of(Stage.PIPELINE, Stage.E2E)) {
            if (stages.contains(stage)) {
                modes.add(Mode.ofStage(stage, workers));
            }
        }
        return modes;
    }

    /** Runs per variant the pipeline and e2e stages add (warm-up included). */
    public int runsPerVariant() {
        final List<Mode> modes = modes();
        return modes.size() * repetitions + (modes.contains(Mode.ofStage(Stage.PIPELINE, workers)) && warmupTxs > 0 ? 1 : 0);
    }
}
