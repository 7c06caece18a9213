package io.lanes.bench.run;

import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.Workload;
import io.lanes.runtime.ingest.Ed25519Verifiers;

import java.io.IOException;
import java.util.List;

/**
 * Benchmarks one workload variant: a warm-up run per mode (a prefix of the transactions), then
 * the repetitions, interleaved (rep 1 of every mode, then rep 2, ...) so that the machine's noise
 * falls on every mode alike. Every run starts from a fresh copy of the genesis; a full GC runs
 * before each, so one run's garbage is not collected in the next.
 *
 * <p>Then, where they apply ({@link StageSettings#runsOn}), the pipeline stage's warm-up run on a
 * prefix and the repetitions of the pipeline and e2e stages, interleaved as well (an e2e run starts
 * a node). They use at most {@link StageSettings#MAX_TXS} transactions. A run that throws is
 * reported as a failure.
 */
public final class VariantBenchmark {
    private final BenchSettings settings;
    private final RunProgress progress;

    public VariantBenchmark(final BenchSettings settings, final RunProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Warms the JIT up before anything is measured: every mode runs the workload {@code rounds}
     * times and the results are dropped (only their checks are kept, as failures).
     */
    public List<String> warmUpJvm(final Workload workload, final GeneratedWorkload generated, final int rounds)
        throws InterruptedException {
        final List<String> failures = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            final VariantResult result = new VariantResult(workload, generated.transactionCount(), settings.modes());
            for (final Mode mode : settings.modes()) {
                progress.step("JVM warm-up (" + workload.label() + ") " + mode.label() + " round " + round + "/" + rounds);
                result.add(runOnce(workload, generated, mode, generated.transactionCount()));
            }
            failures.addAll(result.failures());
        }
        return failures;
    }

    public VariantResult run(final Workload workload, final GeneratedWorkload generated) throws InterruptedException {
        final int txCount = generated.transactionCount();
        final List<Mode> modes = settings.modes();
        final int warmupTxs = Math.min(txCount, settings.warmupTxs());
        if (warmupTxs > 0) {
            for (final Mode mode : modes) {
                progress.step(workload.label() + " " + mode.label() + " warm-up");
                runOnce(workload, generated, mode, warmupTxs);
            }
        }
        final VariantResult result = new VariantResult(workload, txCount, settings.modes(workload));
        final int repetitions = settings.repetitionsFor(txCount);
        for (int rep = 1; rep <= repetitions; rep++) {
            for (final Mode mode : modes) {
                progress.step(workload.label() + " " + mode.label() + " rep " + rep + "/" + repetitions);
                result.add(runOnce(workload, generated, mode, txCount));
            }
        }
        if (settings.stages().runsOn(workload)) {
            runStages(workload, generated, result);
        }
        return result;
    }

    /** The pipeline and e2e stages on this variant, each on at most {@link StageSettings#MAX_TXS} transactions. */
    private void runStages(final Workload workload, final GeneratedWorkload generated, final VariantResult result)
        throws InterruptedException {
        final StageSettings stages = settings.stages();
        final int txCount = Math.min(generated.transactionCount(), StageSettings.MAX_TXS);
        final Mode pipeline = Mode.ofStage(Stage.PIPELINE, stages.workers());
        if (stages.modes().contains(pipeline) && stages.warmupTxs() > 0) {
            progress.step(workload.label() + " " + pipeline.label() + " warm-up");
            runStage(workload, generated, pipeline, Math.min(txCount, stages.warmupTxs()), "warm-up", null);
        }
        for (int rep = 1; rep <= stages.repetitions(); rep++) {
            for (final Mode mode : stages.modes()) {
                final String repetition = "rep " + rep + "/" + stages.repetitions();
                progress.step(workload.label() + " " + mode.label() + " " + repetition);
                runStage(workload, generated, mode, txCount, repetition, result);
            }
        }
    }

    /** One pipeline or e2e run, added to {@code result} (null: a warm-up, dropped); an exception becomes a failure. */
    private void runStage(final Workload workload, final GeneratedWorkload generated, final Mode mode, final int txCount,
        final String repetition, final VariantResult result) throws InterruptedException {
        System.gc();
        try {
            final RunMeasurement measurement = mode.stage() == Stage.PIPELINE
                ? PipelineRunner.run(workload, generated, txCount, settings.stages(), Ed25519Verifiers.fastestAvailable(),
                    settings.idleStrategy())
                : E2eRunner.run(workload, generated.genesis(), settings.variantSeed(workload), txCount, settings.stages());
            if (result != null) {
                result.add(measurement);
            }
        } catch (final IOException | RuntimeException e) {
            final String failure = workload.label() + " " + mode.label() + " " + repetition + ": RUN FAILED: " + e;
            if (result != null) {
                result.addError(failure);
            }
            System.getLogger(VariantBenchmark.class.getName()).log(System.Logger.Level.ERROR, failure, e);
        }
    }

    private RunMeasurement runOnce(final Workload workload, final GeneratedWorkload generated, final Mode mode, final int txCount)
        throws InterruptedException {
        System.gc();
        if (mode.isSequential()) {
            return SequentialRunner.run(workload, generated, txCount);
        }
        return mode.isShared()
            ? SharedRunner.run(workload, generated, txCount, mode.workers())
            : ParallelRunner.run(workload, generated, txCount, mode.workers(), settings.idleStrategy());
    }
}
