package io.lanes.bench.report;

import io.lanes.bench.run.BenchSettings;
import io.lanes.bench.run.Mode;
import io.lanes.bench.run.ModeSummary;
import io.lanes.bench.run.ParallelRunner;
import io.lanes.bench.run.Stage;
import io.lanes.bench.run.StageSettings;
import io.lanes.bench.run.VariantResult;
import io.lanes.bench.run.VerifierBenchmark;
import io.lanes.runtime.ingest.Ed25519Verifiers;
import io.lanes.runtime.ingest.SigVerifyConfig;
import io.lanes.runtime.pipeline.RuntimeConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code results.md}: the machine and settings, one table row per (variant, mode, stage),
 * the closing side-by-side measurements, the CPU per thread, the verifiers' verifications per
 * second per core, the targets (met or not), the failures and the charts.
 */
public final class MarkdownReport {
    /** Threads below this share of the elapsed time are left out of the "other threads" column. */
    private static final double OTHER_THREAD_MIN_SHARE = 0.01;
    private final MachineInfo machine;
    private final BenchSettings settings;
    private final String command;
    private final double loadAtEnd;

    public MarkdownReport(final MachineInfo machine, final BenchSettings settings, final String command, final double loadAtEnd) {
        this.machine = machine;
        this.settings = settings;
        this.command = command;
        this.loadAtEnd = loadAtEnd;
    }

    /**
     * @param verifierRates the verifiers' verifications per second per core (empty when neither the pipeline nor the
     *                      e2e stage ran)
     */
    public void write(final Path file, final List<VariantResult> results, final List<String> failures, final List<String> charts,
        final List<VerifierBenchmark.Result> verifierRates) throws IOException {
        final StringBuilder md = new StringBuilder();
        header(md);
        stagesHeader(md);
        resultsTable(md, results);
        closingMeasurements(md, results);
        cpuShares(md, results);
        verifiers(md, verifierRates);
        targets(md, Targets.evaluate(results, verifierRates));
        failures(md, failures);
        notes(md, charts);
        Files.writeString(file, md.toString());
    }

    private void header(final StringBuilder md) {
        final RuntimeConfig config = ParallelRunner.config(settings.workers().get(0), settings.idleStrategy());
        md.append("# Lanes bench\n\n")
            .append("- date: ").append(machine.date()).append('\n')
            .append("- machine: ").append(machine.cpuModel()).append(", ").append(machine.cores()).append(" cores, ")
            .append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryGib())).append(", ").append(machine.os()).append('\n')
            .append("- JVM: ").append(machine.jvmName()).append(", max heap ").append(machine.maxHeapMib()).append(" MiB\n")
            .append(String.format(Locale.ROOT, "- load average (1 min): %.2f at start, %.2f at end%n", machine.loadAtStart(), loadAtEnd))
            .append(loadWarning())
            .append("- command: `").append(command).append("`\n")
            .append("- settings: ").append(settings.txCount()).append(" txs per run (W8: its chain length), warm-up ")
            .append(settings.warmupTxs()).append(" txs per mode, ").append(settings.repetitions())
            .append(" repetitions per mode interleaved (shorter variants more, up to the same total txs, at most 25), seed ")
            .append(settings.seed()).append('\n')
            .append("- parallel runtime: DEDICATED threads, idle strategy ").append(config.idleStrategy())
            .append(", batch size ").append(config.batchSize()).append(", lookahead ").append(config.lookahead())
            .append(" (2 workers: ").append(ParallelRunner.config(2, settings.idleStrategy()).lookahead()).append("), ")
            .append(config.inFlightBatches()).append(" batches in flight per worker, pin workers ").append(config.pinWorkers()).append("\n\n");
    }

    /** Which stages ran, and how the pipeline and e2e stages were set up. */
    private void stagesHeader(final StringBuilder md) {
        final StageSettings stages = settings.stages();
        md.append("- stages: ").append(String.join(", ", stages.stages().stream().map(Stage::id).toList()))
            .append(" (the sequential execute-stage baseline always runs)\n");
        if (stages.modes().isEmpty()) {
            md.append('\n');
            return;
        }
        md.append("- pipeline and e2e stages: on W2 and on W1 with accounts=")
            .append(String.join(",", stages.w1Accounts().stream().map(String::valueOf).toList()))
            .append(" (workloads whose final state does not depend on the execution order: the sigverify agents keep no order ")
            .append("across agents; W3, W5 and W8 depend on it, W4 would not but is left out to keep runs short), ")
            .append(stages.repetitions()).append(" repetitions each, at most ").append(StageSettings.MAX_TXS).append(" txs per run, ")
            .append(stages.workers()).append(" runtime worker(s), ").append(SigVerifyConfig.defaults().agentCount())
            .append(" sigverify agent(s), verifier ").append(Ed25519Verifiers.fastestAvailable().name())
            .append(", slot ").append(stages.slotMillis()).append(" ms, ledger with fdatasync under ").append(stages.scratchDir())
            .append("\n\n");
    }

    /** Other processes competing for the cores make every ratio unreliable: say so. */
    private String loadWarning() {
        final double load = Math.max(machine.loadAtStart(), loadAtEnd);
        return load > machine.cores()
            ? String.format(Locale.ROOT, "- **warning: the load average (%.1f) exceeded the cores (%d): other processes competed for the CPU "
                + "during this run, so its ratios are unreliable**%n", load, machine.cores())
            : "";
    }

    private static void resultsTable(final StringBuilder md, final List<VariantResult> results) {
        md.append("## Results\n\n")
            .append("| workload | variant | mode | stage | workers | txs | TPS | seq TPS | speedup (min-max) | p50 us | p99 us | CPU ns/tx | CPU / seq | alloc B/tx | state = seq | invariant |\n")
            .append("|---|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---|\n");
        for (final VariantResult result : results) {
            for (final ModeSummary summary : result.summaries()) {
                md.append(row(result, summary));
            }
        }
        md.append('\n');
    }

    private static String row(final VariantResult result, final ModeSummary summary) {
        final Mode mode = summary.mode();
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %,.0f | %,.0f | %s | %.2f | %.2f | %.0f | %.2f | %s | %s | %s |%n",
            result.workload().id(), result.workload().variant(), mode.name(), mode.stage().id(), mode.workers(), summary.txCount(),
            summary.medianTps(), summary.medianSequentialTps(),
            mode.isSequential() ? "1" : ratio(summary.medianSpeedup()) + "x (" + ratio(summary.minSpeedup()) + "-" + ratio(summary.maxSpeedup()) + ")",
            summary.p50Micros(), summary.p99Micros(), summary.cpuNanosPerTx(), summary.cpuRatio(),
            summary.allocatedBytesPerTx() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", summary.allocatedBytesPerTx()),
            summary.stateMatches() ? "ok" : "**MISMATCH**",
            summary.invariantsHold() ? "ok" : "**FAILED**: " + summary.invariantDetail());
    }

    /** Per parallel run: how busy each thread was (CPU time / elapsed), to name the limiting thread. */
    private static void cpuShares(final StringBuilder md, final List<VariantResult> results) {
        md.append("## Where the parallel runs spend CPU (thread CPU time / elapsed, median)\n\n")
            .append("| workload | variant | stage | workers | submitter | scheduler | workers (each) | other threads | all threads (cores busy) |\n")
            .append("|---|---|---|---:|---:|---:|---|---|---:|\n");
        for (final VariantResult result : results) {
            for (final ModeSummary summary : result.summaries()) {
                if (!summary.mode().isSequential() && !summary.cpuShares().isEmpty()) {
                    md.append(cpuRow(result, summary));
                }
            }
        }
        md.append('\n');
    }

    private static String cpuRow(final VariantResult result, final ModeSummary summary) {
        final java.util.Map<String, Double> shares = summary.cpuShares();
        final String workers = shares.entrySet().stream().filter(entry -> entry.getKey().startsWith("lanes-worker-"))
            .map(entry -> percent(entry.getValue())).collect(java.util.stream.Collectors.joining(", "));
        final double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %.2f |%n", result.workload().id(),
            result.workload().variant(), summary.mode().stage().id(), summary.mode().workers(), percent(shares.getOrDefault("submitter", 0.0)),
            percent(shares.getOrDefault("lanes-scheduler", 0.0)), workers, otherThreads(shares), total);
    }

    /** The pipeline's and node's other threads (sigverify, ledger writer, ingest, ...) that used at least 1% of the time. */
    private static String otherThreads(final java.util.Map<String, Double> shares) {
        return shares.entrySet().stream()
            .filter(entry -> !entry.getKey().equals("submitter") && !entry.getKey().equals("lanes-scheduler")
                && !entry.getKey().startsWith("lanes-worker-") && entry.getValue() >= OTHER_THREAD_MIN_SHARE)
            .map(entry -> entry.getKey() + " " + percent(entry.getValue())).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Verifications per second per core of each verifier, and the one the pipeline and e2e stages used. */
    private static void verifiers(final StringBuilder md, final List<VerifierBenchmark.Result> rates) {
        if (rates.isEmpty()) {
            return;
        }
        md.append("## Ed25519 signature verification (one thread, batches of 64)\n\n")
            .append("| verifier | verifications/s per core (per CPU second) | per wall second | verified |\n|---|---:|---:|---:|\n");
        for (final VerifierBenchmark.Result rate : rates) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,d |%n", rate.verifier(), rate.perCpuSecond(),
                rate.perWallSecond(), rate.verifications()));
        }
        md.append("\nThe pipeline and e2e stages used ").append(Ed25519Verifiers.fastestAvailable().name())
            .append(" (`--verifier` or `-D").append(Ed25519Verifiers.CHOICE_PROPERTY).append("` choose).\n\n");
    }

    /** Two decimals, or three significant digits below 0.1 (the pipeline's speedups over the execute stage are small). */
    private static String ratio(final double value) {
        return String.format(Locale.ROOT, value >= 0.1 ? "%.2f" : "%.3g", value);
    }

    private static String percent(final double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Sequential vs parallel with 1 and 2 workers on W1 accounts=1M and accounts=2, side by side. */
    private static void closingMeasurements(final StringBuilder md, final List<VariantResult> results) {
        md.append("## Closing measurements (side by side in this run)\n\n")
            .append("| workload | mode | median TPS | wall ns per tx | ratio to sequential (min-max) | CPU ns per tx | CPU / sequential |\n")
            .append("|---|---|---:|---:|---|---:|---:|\n");
        boolean any = false;
        for (final String variant : List.of("accounts=1000000", "accounts=2")) {
            for (final ModeSummary summary : summariesOf(results, "W1", variant)) {
                any = true;
                md.append(String.format(Locale.ROOT, "| W1 %s | %s | %,.0f | %.0f | %s | %.0f | %.2f |%n", variant, summary.mode().label(),
                    summary.medianTps(), 1e9 / summary.medianTps(),
                    summary.mode().isSequential() ? "1" : String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)",
                        summary.medianSpeedup(), summary.minSpeedup(), summary.maxSpeedup()),
                    summary.cpuNanosPerTx(), summary.cpuRatio()));
            }
        }
        if (!any) {
            md.append("| (W1 accounts=1M and accounts=2 not in this run) | | | | | | |\n");
        }
        md.append('\n');
    }

    private static List<ModeSummary> summariesOf(final List<VariantResult> results, final String id, final String variant) {
        return results.stream()
            .filter(result -> result.workload().id().equals(id) && result.workload().variant().equals(variant))
            .flatMap(result -> result.summaries().stream()).filter(summary -> summary.mode().stage() == Stage.EXECUTE).toList();
    }

    private static void targets(final StringBuilder md, final List<Targets.Check> checks) {
        md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (final Targets.Check check : checks) {
            md.append("| ").append(check.target()).append(" | ").append(check.measured()).append(" | ")
                .append(check.met() ? "met" : "**missed**").append(" |\n");
        }
        if (checks.isEmpty()) {
            md.append("| (no target's workload in this run) | | |\n");
        }
        md.append('\n');
    }

    private static void failures(final StringBuilder md, final List<String> failures) {
        md.append("## Failures\n\n");
        if (failures.isEmpty()) {
            md.append("None: every run ended in the sequential state hash and kept its workload's invariant.\n\n");
        } else {
            failures.forEach(failure -> md.append("- **").append(failure).append("**\n"));
            md.append('\n');
        }
    }

    private static void notes(final StringBuilder md, final List<String> charts) {
        md.append("## How to read this\n\n")
            .append("- TPS: transactions / (first submission to last commit), median over the repetitions. ")
            .append("Speedup: median of the per-repetition ratios parallel TPS / sequential TPS (runs side by side), ")
            .append("so it can differ slightly from TPS / seq TPS.\n")
            .append("- Latency, parallel: submit to commit report per transaction, open loop (everything submitted as fast as ")
            .append("the input queue takes it), so it includes queueing. Sequential: each transaction's execution time.\n")
            .append("- CPU ns/tx: CPU time of every thread of the run (sequential: the caller; parallel: submitter, scheduler, ")
            .append("workers, idle spinning included) per transaction; CPU / seq: median of the per-repetition ratios. It counts CPU, ")
            .append("not wall time, so other processes on the machine disturb it much less than TPS.\n")
            .append("- alloc B/tx: bytes allocated per transaction by the measuring thread (sequential: the whole executor; ")
            .append("parallel: the submitting thread only).\n")
            .append("- Execute stage: signed transactions, signatures not verified (pre-verified), admission (blockhash, ")
            .append("duplicates), scheduling, execution and commit, accounts in memory.\n")
            .append("- Pipeline stage: the wire bytes of each transaction decoded and sanitized on the submitting thread (the ingest ")
            .append("port's work), signatures verified by the node's sigverify stage, admission and the parallel runtime, a block sealed ")
            .append("every slot and appended to a ledger (group commit, fdatasync); TPS until the last transaction is confirmed ")
            .append("(its block durable), latency from the offer to the sigverify queue to confirmed. Accounts in memory.\n")
            .append("- E2e stage: a node (RPC, ingest port, sigverify, runtime, ledger, persisted accounts) in this JVM, the ")
            .append("transactions written over one TCP connection to its ingest port; TPS from the first frame to the last ")
            .append("confirmation, latency from frame written to confirmed; statuses read back over RPC afterwards. Its transactions ")
            .append("name the node's blockhash (signed after the node started, before the clock); its genesis is the workload's plus ")
            .append("the node's faucet, so its seq state is the sequential executor's on that genesis.\n")
            .append("- seq TPS and speedup of the pipeline and e2e stages: against the execute stage's sequential median (the ratios ")
            .append("are per repetition against that median).\n\n")
            .append("## Charts\n\n");
        charts.forEach(chart -> md.append("![").append(chart).append("](").append(chart).append(")\n"));
    }
}
