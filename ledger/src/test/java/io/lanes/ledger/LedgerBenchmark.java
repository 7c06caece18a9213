package io.lanes.ledger;

import io.lanes.sdk.wire.Transaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Commit throughput of the ledger on this machine's disk: blocks of 64 signed transactions
 * (about 260 bytes each) appended as fast as possible with group commit, then one block at a time
 * (one fsync per block) for contrast, then read back with full chain checks.
 *
 * <p>Usage: {@code LedgerBenchmark [blocks=3000] [parent directory=java.io.tmpdir]}: it writes
 * into a new folder under the parent (put it on the disk to measure) and deletes it at the end.
 * The blocks are built (and their entries hashed) before the clock starts. The read-back runs on
 * a warm page cache.
 */
public final class LedgerBenchmark {
    private static final int TRANSACTIONS_PER_BLOCK = 64;
    private static final int ENTRIES_PER_BLOCK = 4;
    private static final int ONE_AT_A_TIME_BLOCKS = 200;

    private LedgerBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int blockCount = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        final Path parent = Paths.get(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
        final Path dataDir = Files.createTempDirectory(Files.createDirectories(parent), "lanes-ledger-bench");
        final List<Transaction> pool = TestChain.signedTransactions(512, 2, 3);
        final double averageWireBytes = pool.stream().mapToInt(tx -> tx.wire().length).average().orElseThrow();
        System.out.printf("ledger benchmark: %d blocks x %d transactions (%.0f bytes avg), %d entries per block, dir %s%n",
            blockCount, TRANSACTIONS_PER_BLOCK, averageWireBytes, ENTRIES_PER_BLOCK, dataDir);
        final TestChain chain = new TestChain(1, pool, TestChain.GENESIS_SLOT, TestChain.GENESIS_HASH);
        final List<Block> blocks = new ArrayList<>(blockCount);
        for (int i = 0; i < blockCount + ONE_AT_A_TIME_BLOCKS; i++) {
            blocks.add(chain.nextWithEntries(16, 16, 16, 16));
        }
        final Path groupDir = dataDir.resolve("group");
        appendGroupCommitted(groupDir, blocks.subList(0, blockCount));
        appendOneAtATime(dataDir.resolve("single"), blocks.subList(0, ONE_AT_A_TIME_BLOCKS));
        readBack(groupDir);
        verifySignatures(dataDir.resolve("verify"), blocks.subList(0, 50));
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(final Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void appendGroupCommitted(final Path dataDir, final List<Block> blocks) throws IOException {
        final long[] appendNanos = new long[blocks.size()];
        final long[] durableNanos = new long[blocks.size()];
        final List<CompletableFuture<Long>> futures = new ArrayList<>(blocks.size());
        final LedgerWriter.Stats stats;
        final long startNanos;
        final long endNanos;
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, LedgerConfig.DEFAULT)) {
            final LedgerWriter.Stats before = writer.stats();
            startNanos = System.nanoTime();
            for (int i = 0; i < blocks.size(); i++) {
                final int index = i;
                appendNanos[i] = System.nanoTime();
                futures.add(writer.append(blocks.get(i)).whenComplete((slot, error) -> durableNanos[index] = System.nanoTime()));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
            endNanos = System.nanoTime();
            final LedgerWriter.Stats after = writer.stats();
            stats = new LedgerWriter.Stats(after.blocksWritten() - before.blocksWritten(), after.bytesWritten() - before.bytesWritten(),
                after.forces() - before.forces(), after.forceNanos() - before.forceNanos(), after.durableSlot());
        }
        final double seconds = (endNanos - startNanos) / 1e9;
        final long[] latencyNanos = new long[blocks.size()];
        for (int i = 0; i < latencyNanos.length; i++) {
            latencyNanos[i] = durableNanos[i] - appendNanos[i];
        }
        Arrays.sort(latencyNanos);
        System.out.printf("group commit: %.2f s, %.0f blocks/s, %.0f transactions/s durable, %.1f MB/s, "
                + "%d fsyncs (%.0f/s, %.2f ms avg, %.1f blocks each), append-to-durable p50 %.1f ms p99 %.1f ms, %d segments%n",
            seconds, blocks.size() / seconds, blocks.size() * (double) TRANSACTIONS_PER_BLOCK / seconds,
            stats.bytesWritten() / 1e6 / seconds, stats.forces(), stats.forces() / seconds,
            stats.forceNanos() / 1e6 / Math.max(1, stats.forces()), blocks.size() / (double) Math.max(1, stats.forces()),
            latencyNanos[latencyNanos.length / 2] / 1e6, latencyNanos[latencyNanos.length * 99 / 100] / 1e6,
            segmentCount(dataDir));
    }

    private static void appendOneAtATime(final Path dataDir, final List<Block> blocks) throws Exception {
        final long startNanos = System.nanoTime();
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, LedgerConfig.DEFAULT)) {
            for (final Block block : blocks) {
                writer.append(block).get();
            }
        }
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("one block per fsync (waiting for each): %.0f blocks/s, %.0f transactions/s durable%n",
            blocks.size() / seconds, blocks.size() * (double) TRANSACTIONS_PER_BLOCK / seconds);
    }

    private static void readBack(final Path dataDir) throws IOException {
        for (int round = 1; round <= 2; round++) {
            final long startNanos = System.nanoTime();
            long blocks = 0;
            long transactions = 0;
            try (LedgerReader reader = LedgerReader.open(dataDir)) {
                while (reader.hasNext()) {
                    transactions += reader.next().transactionCount();
                    blocks++;
                }
                if (reader.end().tail() != LedgerEnd.Tail.CLEAN) {
                    throw new AssertionError(reader.end().toString());
                }
            }
            final double seconds = (System.nanoTime() - startNanos) / 1e9;
            System.out.printf("read back %d (CRC + entry-hash chain, warm cache): %.0f blocks/s, %.0f transactions/s, %.1f MB/s%n",
                round, blocks / seconds, transactions / seconds, totalBytes(dataDir) / 1e6 / seconds);
        }
    }

    /** Full verification with Ed25519 checks, over a separate ledger of the first blocks (it is slow). */
    private static void verifySignatures(final Path dataDir, final List<Block> blocks) throws IOException {
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC, blocks);
        final long startNanos = System.nanoTime();
        final VerifyReport report = new LedgerVerifier(true).verify(dataDir, BlockCheck.NONE);
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (!report.ok() || report.blocks() != blocks.size()) {
            throw new AssertionError(report.toString());
        }
        System.out.printf("verify with Ed25519 signatures (%d blocks): %.0f transactions/s%n", blocks.size(),
            report.transactions() / seconds);
    }

    private static long segmentCount(final Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(LedgerFormat.ledgerDirectory(dataDir))) {
            return files.filter(file -> LedgerFormat.segmentIndexOf(file) >= 0).count();
        }
    }

    private static long totalBytes(final Path dataDir) throws IOException {
        long bytes = 0;
        for (final Path segment : Ledgers.segments(dataDir)) {
            bytes += Files.size(segment);
        }
        return bytes;
    }
}
