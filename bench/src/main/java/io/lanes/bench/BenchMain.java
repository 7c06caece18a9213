package io.lanes.bench;

import io.lanes.bench.report.Charts;
import io.lanes.bench.report.MachineInfo;
import io.lanes.bench.report.MarkdownReport;
import io.lanes.bench.report.ProgressBar;
import io.lanes.bench.report.ResultRecord;
import io.lanes.bench.report.ResultsJson;
import io.lanes.bench.report.Targets;
import io.lanes.bench.run.BenchSettings;
import io.lanes.bench.run.ModeSummary;
import io.lanes.bench.run.Stage;
import io.lanes.bench.run.StageSettings;
import io.lanes.bench.run.VariantBenchmark;
import io.lanes.bench.run.VariantResult;
import io.lanes.bench.run.VerifierBenchmark;
import io.lanes.bench.workload.AmmSwaps;
import io.lanes.bench.workload.DependencyChain;
import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.HotRatioMix;
import io.lanes.bench.workload.RandomTransfers;
import io.lanes.bench.workload.Workload;
import io.lanes.bench.workload.WorkloadCache;
import io.lanes.bench.workload.Workloads;
import io.lanes.bench.workload.ZipfTransfers;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.ingest.Ed25519Verifiers;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.sdk.Hash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code scripts/bench}: runs each workload variant through the sequential executor and the
 * parallel runtime at each worker count (the execute stage), then, on W1 and W2, through the
 * pipeline stage (signature verification, execution, durable ledger) and the e2e stage (a node
 * fed over its ingest port), in the same JVM; checks that every run ends in the sequential state
 * hash and keeps its invariant, and writes {@code results.json}, {@code results.md} and PNG
 * charts. Exit code 0 when every check held, 1 when a state hash differed, an invariant broke or
 * a run could not finish (a missed performance target is reported, not an error), 2 for bad flags.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmarks the workload suite: sequential executor vs parallel runtime (execute stage), "
        + "with signature verification and a durable ledger (pipeline stage), and a node over its ingest port (e2e stage).")
public final class BenchMain implements Callable<Integer> {
    static final int FULL_TXS = 100_000;
    static final int QUICK_TXS = 2_000;
    static final int FULL_REPS = 5;
    static final int QUICK_REPS = 3;
    static final int FULL_WARMUP_TXS = 20_000;
    static final int QUICK_WARMUP_TXS = 500;
    static final int FULL_JVM_WARMUP_TXS = 20_000;
    static final int QUICK_JVM_WARMUP_TXS = 5_000;
    static final int JVM_WARMUP_ROUNDS = 3;
    /** W3's wallets in quick mode (the suite's 100,000 wallets and their 200,000 token accounts take seconds to load). */
    static final int QUICK_W3_WALLETS = 10_000;
    /** The JVM warm-up runs W1 with this many accounts (some conflicts, some parallelism). */
    static final int JVM_WARMUP_ACCOUNTS = 100;
    static final int FULL_STAGE_REPS = 3;
    static final int QUICK_STAGE_REPS = 1;
    /** How long each verifier is timed for the verifications/s per core (after a warm-up of half that). */
    static final long FULL_VERIFIER_MILLIS = 2_000;
    static final long QUICK_VERIFIER_MILLIS = 300;
    /** The runtime's own loggers (and the account files') say INFO about every node start: kept off the progress bar. */
    private static final List<Logger> QUIETED_LOGGERS = List.of(Logger.getLogger("io.lanes"), Logger.getLogger("net.openhft"));

    @Option(names = "--quick", description = "tiny sizes (%d txs, %d reps unless given): under 2 minutes on 2 cores")
    boolean quick;

    @Option(names = "--workloads", split = ",", description = "workload ids (default: all implemented: W1,W2,W3,W4,W5,W6,W8)")
    List<String> workloads = new ArrayList<>(Workloads.IMPLEMENTED);

    @Option(names = "--workers", split = ",", description = "worker counts of the parallel runtime (default: 1,2)")
    List<Integer> workers = new ArrayList<>(List.of(1, 2));

    @Option(names = "--txs", description = "transactions per run (default 100000, quick 2000; W8 caps at its chain length)")
    Integer txs;

    @Option(names = "--reps", description = "measured repetitions per mode (default 5, quick 3)")
    Integer reps;

    @Option(names = "--warmup-txs", description = "transactions of each mode's warm-up run (default 20000, quick 500; 0: none)")
    Integer warmupTxs;

    @Option(names = "--jvm-warmup-txs", description = "transactions of the JVM warm-up before anything is measured "
        + "(W1 accounts=100, every mode 3 times; default 20000, quick 5000; 0: none)")
    Integer jvmWarmupTxs;

    @Option(names = "--idle-strategy", description = "the parallel runtime's idle strategy: backoff, busy-spin, yield, sleep, no-op "
        + "(default: the runtime's default)")
    String idleStrategy;

    @Option(names = "--diagnose", description = "also run the parallel runtime in SHARED mode on one thread: its time per tx "
        + "against the sequential executor's is the runtime's own overhead (reported in results.md, not results.json)")
    boolean diagnose;

    @Option(names = "--out", description = "output directory (default: bench-out)")
    Path out = Path.of("bench-out");

    @Option(names = "--seed", description = "workload seed (default: 42)")
    long seed = 42;

    @Option(names = "--w1-accounts", split = ",", description = "W1 account counts (default: 2,10,100,1000,10000,1000000)")
    List<Integer> w1Accounts = Arrays.stream(RandomTransfers.ACCOUNT_VARIANTS).boxed().toList();

    @Option(names = "--zipf", split = ",", description = "W4 Zipf exponents (default: 0.8,1.0,1.2)")
    List<Double> zipfExponents = Arrays.stream(ZipfTransfers.EXPONENT_VARIANTS).boxed().toList();

    @Option(names = "--chain-length", description = "W8 chain length (default: 10000; at most --txs)")
    int chainLength = DependencyChain.DEFAULT_LENGTH;

    @Option(names = "--w3-accounts", description = "W3 wallet count (default 100000, quick 10000)")
    Integer w3Accounts;

    @Option(names = "--w3-hot", split = ",", description = "W3 hot ratios in percent (default: 0,10,30,50)")
    List<Integer> w3HotPercents = Arrays.stream(HotRatioMix.HOT_PERCENT_VARIANTS).boxed().toList();

    @Option(names = "--w5-pools", split = ",", description = "W5 pool counts (default: 1,10,100,1000)")
    List<Integer> w5Pools = Arrays.stream(AmmSwaps.POOL_VARIANTS).boxed().toList();

    @Option(names = "--stages", split = ",", description = "stages to run: execute, pipeline, e2e (default: all three; "
        + "the sequential baseline runs whatever is chosen)")
    List<String> stages = new ArrayList<>(List.of("execute", "pipeline", "e2e"));

    @Option(names = "--stage-reps", description = "repetitions of each of the pipeline and e2e stages per variant (default 3, quick 1)")
    Integer stageReps;

    @Option(names = "--stage-workers", description = "runtime workers in the pipeline and e2e stages (default: the node's, cores - 1, at least 1)")
    Integer stageWorkers;

    @Option(names = "--stage-w1-accounts", split = ",", description = "the W1 variants the pipeline and e2e stages run (default: 10000); "
        + "they also run W2")
    List<Integer> stageW1Accounts = new ArrayList<>(List.of(10_000));

    @Option(names = "--slot-ms", description = "slot length in the pipeline and e2e stages: a block is sealed into the ledger "
        + "every slot (default: the node's, 400)")
    long slotMillis = 400;

    @Option(names = "--verifier", description = "Ed25519 verifier of the pipeline and e2e stages: auto (libsodium if it loads, "
        + "else BouncyCastle), libsodium, bouncycastle (default: auto)")
    String verifier = "auto";

    @Option(names = "--scratch-dir", description = "where the pipeline and e2e stages put their ledgers and data dirs, "
        + "each deleted after its run (default: OUT/scratch; use a disk, fsync is part of the measurement)")
    Path scratchDir;

    @Option(names = "--cache-dir", description = "where signed workloads are kept between runs (default: ~/.cache/lanes-bench)")
    Path cacheDirectory = Path.of(System.getProperty("user.home"), ".cache", "lanes-bench");

    @Option(names = "--no-cache", description = "derive keys and sign every time; keep nothing on disk")
    boolean noCache;

    private final String[] arguments;

    BenchMain(final String[] arguments) {
        this.arguments = arguments.clone();
    }

    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /** Runs the bench with these flags; returns the exit code. */
    public static int run(final String... args) {
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new BenchMain(args)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        final BenchSettings settings = settings();
        final boolean stagesBeyondExecute = !settings.stages().modes().isEmpty();
        final List<Workload> variants = variantsForStages(settings, Workloads.variants(workloads, w1Variants(stagesBeyondExecute),
            zipfExponents, Math.min(chainLength, settings.txCount()),
            w3Accounts != null ? w3Accounts : quick ? QUICK_W3_WALLETS : HotRatioMix.DEFAULT_WALLETS, w3HotPercents, w5Pools));
        final MachineInfo machine = MachineInfo.detect();
        Files.createDirectories(out);
        final int jvmWarmupCount = jvmWarmupTxs != null ? jvmWarmupTxs : quick ? QUICK_JVM_WARMUP_TXS : FULL_JVM_WARMUP_TXS;
        final ProgressBar progress = ProgressBar.onStderr(progressSteps(settings, variants, jvmWarmupCount, stagesBeyondExecute));
        final List<VariantResult> results = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<VerifierBenchmark.Result> verifierRates = stagesBeyondExecute ? measureVerifiers(progress) : List.of();
        if (jvmWarmupCount > 0) {
            warmUpJvm(jvmWarmupCount, settings, progress, failures);
        }
        for (final Workload workload : variants) {
            results.add(benchmark(workload, settings, progress, failures));
        }
        progress.finish();
        deleteIfEmpty(settings.stages().scratchDir());
        writeOutputs(results, failures, settings, machine, verifierRates);
        return reportEnd(progress, results, failures, verifierRates);
    }

    /** Steps of the progress bar: the verifier timing, the JVM warm-up, and per variant its generation and every run. */
    private static int progressSteps(final BenchSettings settings, final List<Workload> variants, final int jvmWarmupCount,
        final boolean stagesBeyondExecute) {
        final int jvmWarmupSteps = jvmWarmupCount > 0 ? 1 + JVM_WARMUP_ROUNDS * settings.modes().size() : 0;
        final int variantSteps = variants.stream()
            .mapToInt(workload -> 1 + settings.runsPerVariant(workload, workload.transactionCount(settings.txCount()))).sum();
        return jvmWarmupSteps + variantSteps + (stagesBeyondExecute ? 1 : 0);
    }

    private BenchSettings settings() {
        final int txCount = txs != null ? txs : quick ? QUICK_TXS : FULL_TXS;
        final int warmupCount = warmupTxs != null ? warmupTxs : Math.min(txCount, quick ? QUICK_WARMUP_TXS : FULL_WARMUP_TXS);
        return new BenchSettings(txCount, warmupCount, reps != null ? reps : quick ? QUICK_REPS : FULL_REPS, workers, seed,
            idleStrategy, diagnose, stageSettings(warmupCount));
    }

    private StageSettings stageSettings(final int warmupCount) {
        final Set<Stage> selected = Stage.parse(stages);
        if (selected.contains(Stage.PIPELINE) || selected.contains(Stage.E2E)) {
            quietRuntimeLogs();
            useVerifier();
        }
        return new StageSettings(selected, stageReps != null ? stageReps : quick ? QUICK_STAGE_REPS : FULL_STAGE_REPS, warmupCount,
            stageWorkers != null ? stageWorkers : RuntimeConfig.defaultWorkers(), slotMillis, stageW1Accounts,
            scratchDir != null ? scratchDir : out.resolve("scratch"));
    }

    /** W1's variants: those asked for, plus those the pipeline and e2e stages run. */
    /** Without the execute stage, only the variants a selected stage runs on (their sequential baseline included). */
    private static List<Workload> variantsForStages(final BenchSettings settings, final List<Workload> variants) {
        if (settings.stages().stages().contains(Stage.EXECUTE)) {
            return variants;
        }
        return variants.stream().filter(settings.stages()::runsOn).toList();
    }

    private List<Integer> w1Variants(final boolean stagesBeyondExecute) {
        final Set<Integer> accounts = new TreeSet<>(w1Accounts);
        if (stagesBeyondExecute) {
            accounts.addAll(stageW1Accounts);
        }
        return List.copyOf(accounts);
    }

    /** Makes {@code --verifier} the JVM's choice ({@link Ed25519Verifiers}), which the node's sigverify stage uses too. */
    private void useVerifier() {
        System.setProperty(Ed25519Verifiers.CHOICE_PROPERTY, verifier.toLowerCase(Locale.ROOT));
        final String chosen = Ed25519Verifiers.fastestAvailable().name();
        if (!verifier.equalsIgnoreCase("auto") && !chosen.equalsIgnoreCase(verifier)) {
            throw new IllegalStateException("--verifier " + verifier + " asked, but this JVM already chose " + chosen);
        }
    }

    private static void quietRuntimeLogs() {
        QUIETED_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    /** Verifications per second per core of every verifier available here, before anything else runs. */
    private List<VerifierBenchmark.Result> measureVerifiers(final ProgressBar progress) {
        progress.step("Ed25519 verifications per second per core");
        final List<VerifierBenchmark.Result> rates = new VerifierBenchmark(seed)
            .measureAll(VerifierBenchmark.available(), quick ? QUICK_VERIFIER_MILLIS : FULL_VERIFIER_MILLIS);
        for (final VerifierBenchmark.Result rate : rates) {
            progress.println(String.format(Locale.ROOT, "ed25519 %s: %,.0f verifications/s per core (%,.0f per wall second)",
                rate.verifier(), rate.perCpuSecond(), rate.perWallSecond()));
        }
        progress.println("pipeline and e2e stages verify with " + Ed25519Verifiers.fastestAvailable().name());
        return rates;
    }

    private static void deleteIfEmpty(final Path directory) throws java.io.IOException {
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        }
    }

    private void warmUpJvm(final int txCount, final BenchSettings settings, final ProgressBar progress, final List<String> failures)
        throws InterruptedException {
        final Workload workload = new RandomTransfers(JVM_WARMUP_ACCOUNTS);
        progress.step("JVM warm-up (" + workload.label() + ") generating and signing");
        final GeneratedWorkload generated = generate(workload, settings, txCount);
        for (final String failure : new VariantBenchmark(settings, progress).warmUpJvm(workload, generated, JVM_WARMUP_ROUNDS)) {
            failures.add("JVM warm-up: " + failure);
            progress.println("!!! JVM warm-up: " + failure);
        }
    }

    private VariantResult benchmark(final Workload workload, final BenchSettings settings, final ProgressBar progress,
        final List<String> failures) throws InterruptedException {
        progress.step(workload.label() + " generating and signing");
        final GeneratedWorkload generated = generate(workload, settings, workload.transactionCount(settings.txCount()));
        final VariantResult result = new VariantBenchmark(settings, progress).run(workload, generated);
        progress.println(summaryLine(result));
        for (final String failure : result.failures()) {
            failures.add(failure);
            progress.println("!!! " + failure);
        }
        return result;
    }

    private GeneratedWorkload generate(final Workload workload, final BenchSettings settings, final int txCount) {
        final Hash blockhash = Bank.blockhashForSlot(0);
        final long variantSeed = settings.variantSeed(workload);
        return noCache
            ? workload.generate(variantSeed, txCount, blockhash)
            : new WorkloadCache(cacheDirectory).getOrGenerate(workload, variantSeed, txCount, blockhash);
    }

    private static String summaryLine(final VariantResult result) {
        final StringBuilder line = new StringBuilder(result.workload().label()).append(':');
        for (final ModeSummary summary : result.summaries()) {
            line.append(String.format(Locale.ROOT, " %s %,.0f TPS", summary.mode().label(), summary.medianTps()));
            if (!summary.mode().isSequential()) {
                line.append(String.format(Locale.ROOT, " (%.2fx)", summary.medianSpeedup()));
            }
            line.append(';');
        }
        line.append(result.failures().isEmpty() ? " state and invariants ok" : " FAILED");
        return line.toString();
    }

    private void writeOutputs(final List<VariantResult> results, final List<String> failures, final BenchSettings settings,
        final MachineInfo machine, final List<VerifierBenchmark.Result> verifierRates) throws Exception {
        final List<ResultRecord> records = new ArrayList<>();
        for (final VariantResult result : results) {
            for (final ModeSummary summary : result.summaries()) {
                if (summary.mode().isShared()) {
                    continue;
                }
                records.add(ResultRecord.of(result.workload().id(), result.workload().variant(), summary, machine.jvmVersion(), machine.cores()));
            }
        }
        ResultsJson.write(out.resolve("results.json"), records);
        final List<String> charts = Charts.write(out, results);
        new MarkdownReport(machine, settings, "scripts/bench " + String.join(" ", arguments), MachineInfo.loadAverage())
            .write(out.resolve("results.md"), results, failures, charts, verifierRates);
    }

    private int reportEnd(final ProgressBar progress, final List<VariantResult> results, final List<String> failures,
        final List<VerifierBenchmark.Result> verifierRates) {
        for (final Targets.Check check : Targets.evaluate(results, verifierRates)) {
            progress.println("target " + (check.met() ? "met   " : "MISSED") + " " + check.target() + ": " + check.measured());
        }
        progress.println("wrote " + out.resolve("results.json") + ", results.md and charts");
        if (failures.isEmpty()) {
            return 0;
        }
        System.err.println();
        System.err.println("!!!!!!!! BENCH FAILED: " + failures.size() + " check(s) did not hold !!!!!!!!");
        failures.forEach(failure -> System.err.println("!!! " + failure));
        return 1;
    }
}
