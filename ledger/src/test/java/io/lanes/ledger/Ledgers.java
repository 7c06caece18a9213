package io.lanes.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Test helpers over a data directory's ledger. */
final class Ledgers {
    /** Fast settings for tests that are not about durability. */
    static final LedgerConfig NO_SYNC = LedgerConfig.DEFAULT.withSync(ChannelSync.NONE);

    private Ledgers() {
    }

    static LedgerWriter openWriter(final Path dataDir, final LedgerConfig config) throws IOException {
        return LedgerWriter.open(dataDir, TestChain.GENESIS_SLOT, TestChain.GENESIS_HASH, config);
    }

    /** Appends every block, waits for all of them and closes the writer. */
    static void writeAll(final Path dataDir, final LedgerConfig config, final List<Block> blocks) throws IOException {
        try (LedgerWriter writer = openWriter(dataDir, config)) {
            final List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (final Block block : blocks) {
                futures.add(writer.append(block));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
        }
    }

    static List<Block> blocks(final TestChain chain, final int count, final int maxEntries, final int maxTransactions) {
        final List<Block> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(chain.next(maxEntries, maxTransactions));
        }
        return blocks;
    }

    /** The blocks a full read yields, and its end. */
    record Read(List<Block> blocks, LedgerEnd end) {
        long lastSlot() {
            return blocks.isEmpty() ? -1 : blocks.get(blocks.size() - 1).slot();
        }
    }

    static Read readAll(final Path dataDir) throws IOException {
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            final List<Block> blocks = new ArrayList<>();
            reader.forEachRemaining(blocks::add);
            return new Read(blocks, reader.end());
        }
    }

    static List<Path> segments(final Path dataDir) {
        try (Stream<Path> files = Files.list(LedgerFormat.ledgerDirectory(dataDir))) {
            return files.filter(file -> LedgerFormat.segmentIndexOf(file) >= 0).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path lastSegment(final Path dataDir) {
        final List<Path> segments = segments(dataDir);
        return segments.get(segments.size() - 1);
    }

    /** Offset of the record of the block with this slot, and its segment. */
    record Location(Path segment, long offset) {
    }

    static Location locate(final Path dataDir, final long slot) throws IOException {
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            while (reader.hasNext()) {
                if (reader.next().slot() == slot) {
                    return new Location(reader.lastBlockSegment(), reader.lastBlockOffset());
                }
            }
        }
        throw new AssertionError("no block at slot " + slot);
    }
}
