package io.lanes.bench.run;

import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.Workload;

import java.util.List;

/**
 * Benchmarks one workload variant: a warm-up run per mode (a prefix of the transactions), then
 * the repetitions, interleaved (rep 1 of every mode, then rep 2, ...) so that the machine's noise
 * falls on every mode alike. Every run starts from a fresh copy of the genesis; a full GC runs
 * before each, so one run's garbage is not collected in the next.
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
        final VariantResult result = new VariantResult(workload, txCount, modes);
        final int repetitions = settings.repetitionsFor(txCount);
        for (int rep = 1; rep <= repetitions; rep++) {
            for (final Mode mode : modes) {
                progress.step(workload.label() + " " + mode.label() + " rep " + rep + "/" + repetitions);
                result.add(runOnce(workload, generated, mode, txCount));
            }
        }
        return result;
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
