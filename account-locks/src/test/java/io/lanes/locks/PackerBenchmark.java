package io.lanes.locks;

import java.util.Arrays;

/**
 * Single-threaded micro-benchmark of the scheduler side (not a test; prints numbers, asserts
 * nothing about time). Measures:
 * <ul>
 *   <li>packer throughput, add + schedule + complete of 1M txs with 2 workers that finish
 *       instantly, for {@link PackerDriver.Workload#DISTINCT} (2 fresh writes + 1 shared read),
 *       {@link PackerDriver.Workload#ALL_CONFLICTING} (all write one account + 1 fresh) and
 *       {@link PackerDriver.Workload#MIXED} (random priorities, a quarter on one hot account);</li>
 *   <li>{@link AccountLockTable} lock + unlock of a 10-account tx (6 writes, 4 reads).</li>
 * </ul>
 * Arguments (optional): {@code lookahead backlog workers}; by default the
 * {@link PackerConfig#defaults(int)} lookahead for 2 workers, and twice that many txs pending.
 */
public final class PackerBenchmark {
    private static final long TXS_PER_RUN = 1_000_000;
    /** Second scenario: a pass after every few completions (fine-grained driving, worst case). */
    private static final int TRICKLE_COMPLETIONS = 8;
    private static final long TRICKLE_TXS_PER_RUN = 200_000;
    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 5;
    private static final int FRESH_ACCOUNT_SPACE = 1 << 20;
    private static final int LOCK_TXS = 4096;
    private static final int LOCK_IN_FLIGHT = 64;
    private static final int LOCK_ROUNDS = 2_000_000;
    /** Lock benchmark: reads below this id (many shared), writes above (distinct while locked). */
    private static final int WRITE_SPACE_START = FRESH_ACCOUNT_SPACE / 2;

    private PackerBenchmark() {
    }

    public static void main(String[] args) {
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        PackerConfig defaults = PackerConfig.defaults(workers);
        int lookahead = args.length > 0 ? Integer.parseInt(args[0]) : defaults.lookahead();
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 2 * lookahead;
        PackerConfig config = new PackerConfig(workers, defaults.batchSize(), lookahead,
                defaults.maxInFlightPerWorker());
        System.out.printf("java %s, %d cpus, %s, backlog=%d, %d warm-up + %d measured runs of %,d txs%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), config,
                backlog, WARM_UP_RUNS, MEASURED_RUNS, TXS_PER_RUN);
        for (PackerDriver.Workload workload : PackerDriver.Workload.values()) {
            measurePacker(config, workload, backlog, Integer.MAX_VALUE, TXS_PER_RUN);
        }
        for (PackerDriver.Workload workload : PackerDriver.Workload.values()) {
            measurePacker(config, workload, backlog, TRICKLE_COMPLETIONS, TRICKLE_TXS_PER_RUN);
        }
        measureLockTable();
    }

    private static void measurePacker(PackerConfig config, PackerDriver.Workload workload, int backlog,
                                      int completionsPerPass, long txsPerRun) {
        BatchPacker packer = new BatchPacker(config);
        PackerDriver driver = new PackerDriver(packer, workload, backlog, FRESH_ACCOUNT_SPACE, completionsPerPass);
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            driver.run(txsPerRun);
        }
        double[] txsPerSecond = new double[MEASURED_RUNS];
        long passes = 0;
        for (int run = 0; run < MEASURED_RUNS; run++) {
            long startNanos = System.nanoTime();
            passes = driver.run(txsPerRun);
            long elapsedNanos = System.nanoTime() - startNanos;
            txsPerSecond[run] = txsPerRun * 1e9 / elapsedNanos;
        }
        Arrays.sort(txsPerSecond);
        String completions = completionsPerPass == Integer.MAX_VALUE ? "all" : String.valueOf(completionsPerPass);
        System.out.printf("packer %-15s completions/pass=%-3s %,9d txs: median %,12.0f tx/s  min %,12.0f  max %,12.0f"
                        + "  (%,d passes)%n", workload, completions, txsPerRun, txsPerSecond[MEASURED_RUNS / 2],
                txsPerSecond[0], txsPerSecond[MEASURED_RUNS - 1], passes);
    }

    private static void measureLockTable() {
        AccountLockTable table = new AccountLockTable(FRESH_ACCOUNT_SPACE + 1);
        int[][] writeIds = new int[LOCK_TXS][];
        int[][] readIds = new int[LOCK_TXS][];
        for (int tx = 0; tx < LOCK_TXS; tx++) {
            writeIds[tx] = new int[6];
            for (int i = 0; i < 6; i++) {
                writeIds[tx][i] = WRITE_SPACE_START + ((tx * 6 + i) * 97 & (WRITE_SPACE_START - 1));
            }
            readIds[tx] = new int[] {0, 1 + ((tx * 13) & 1023), 2048 + (tx & 255), 4096 + tx};
        }
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            lockRounds(table, writeIds, readIds);
        }
        double[] nanosPerTx = new double[MEASURED_RUNS];
        for (int run = 0; run < MEASURED_RUNS; run++) {
            long startNanos = System.nanoTime();
            lockRounds(table, writeIds, readIds);
            nanosPerTx[run] = (System.nanoTime() - startNanos) / (double) LOCK_ROUNDS;
        }
        Arrays.sort(nanosPerTx);
        System.out.printf("lock table lock+unlock, 10-account tx (6 writes, 4 reads), %d in flight: "
                        + "median %.1f ns/tx  min %.1f  max %.1f%n",
                LOCK_IN_FLIGHT, nanosPerTx[MEASURED_RUNS / 2], nanosPerTx[0], nanosPerTx[MEASURED_RUNS - 1]);
    }

    /**
     * Locks tx {@code round} on worker {@code round & 1} and unlocks tx {@code round - 64}, so 64 txs
     * stay locked; both workers read shared accounts (read counts above 1), writes never clash.
     */
    private static void lockRounds(AccountLockTable table, int[][] writeIds, int[][] readIds) {
        for (int round = 0; round < LOCK_ROUNDS + LOCK_IN_FLIGHT; round++) {
            if (round < LOCK_ROUNDS) {
                int tx = round & (LOCK_TXS - 1);
                table.lock(round & 1, writeIds[tx], 6, readIds[tx], 4);
            }
            if (round >= LOCK_IN_FLIGHT) {
                int done = round - LOCK_IN_FLIGHT;
                int tx = done & (LOCK_TXS - 1);
                table.unlock(done & 1, writeIds[tx], 6, readIds[tx], 4);
            }
        }
    }
}
