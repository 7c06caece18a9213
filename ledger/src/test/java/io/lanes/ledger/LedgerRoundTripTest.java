package io.lanes.ledger;

import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerRoundTripTest {
    @TempDir
    Path dataDir;

    @Test
    void blocksReadBackEqualAcrossSegmentRolls() throws IOException {
        final List<Block> blocks = Ledgers.blocks(new TestChain(1), 300, 4, 8);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC.withSegmentBytes(16 * 1024), blocks);

        assertTrue(Ledgers.segments(dataDir).size() > 10, "segments: " + Ledgers.segments(dataDir).size());
        for (final Path segment : Ledgers.segments(dataDir)) {
            assertTrue(Files.size(segment) <= 16 * 1024, segment + " is larger than a segment");
        }
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        assertEquals(blocks, read.blocks());
        assertEquals(LedgerEnd.Tail.CLEAN, read.end().tail());
        assertEquals(blocks.get(blocks.size() - 1).slot(), read.end().lastSlot());
        assertTrue(blocks.stream().anyMatch(block -> block.entries().isEmpty()), "some blocks have no entries");
    }

    @Test
    void transactionsDecodeBackToTheSignedOnes() throws IOException {
        final TestChain chain = new TestChain(2);
        final List<Block> blocks = Ledgers.blocks(chain, 20, 3, 5);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC, blocks);
        final Block read = Ledgers.readAll(dataDir).blocks().get(7);
        for (final Entry entry : read.entries()) {
            for (int t = 0; t < entry.transactionCount(); t++) {
                final Transaction transaction = entry.transaction(t);
                assertArrayEquals(entry.transactionWire(t), transaction.wire());
                assertTrue(TestChain.pool().stream().anyMatch(pooled -> pooled.signature(0).equals(transaction.signature(0))));
            }
        }
    }

    @Test
    void reopenContinuesTheChainAndAppends() throws IOException {
        final TestChain chain = new TestChain(3);
        final List<Block> first = Ledgers.blocks(chain, 50, 3, 4);
        final LedgerConfig config = Ledgers.NO_SYNC.withSegmentBytes(8 * 1024);
        Ledgers.writeAll(dataDir, config, first);
        final Hash hashAfterFirst = chain.lastEntryHash();
        final List<Block> second = Ledgers.blocks(chain, 50, 3, 4);
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, config)) {
            assertEquals(first.get(49).slot(), writer.lastSlot());
            assertEquals(hashAfterFirst, writer.lastEntryHash());
            assertEquals(first.get(49).slot(), writer.durableSlot());
            assertEquals(LedgerEnd.Tail.CLEAN, writer.recovered().tail());
            for (final Block block : second) {
                writer.append(block);
            }
        }
        final List<Block> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(all, Ledgers.readAll(dataDir).blocks());
    }

    @Test
    void emptyLedgerHasOnlyAHeaderAndReadsClean() throws IOException {
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(TestChain.GENESIS_SLOT, writer.lastSlot());
            assertEquals(TestChain.GENESIS_HASH, writer.lastEntryHash());
        }
        final Ledgers.Read read = Ledgers.readAll(dataDir);
        assertEquals(List.of(), read.blocks());
        assertEquals(LedgerEnd.Tail.CLEAN, read.end().tail());
        assertEquals(TestChain.GENESIS_SLOT, read.end().lastSlot());
        assertEquals(TestChain.GENESIS_HASH, read.end().lastEntryHash());
    }

    @Test
    void writerRefusesBlocksThatDoNotContinueTheChain() throws Exception {
        final TestChain chain = new TestChain(4);
        try (LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            final Block first = chain.nextWithEntries(2, 1);
            final Block wrongParent = new Block(first.slot() + 5, first.slot() + 1, first.blockhash(), 0, List.of(),
                first.stateHash(), List.of());
            final Entry badEntry = new Entry(Hash.ZERO, first.entries().get(0).transactionWires());
            final Block wrongHash = new Block(first.slot(), first.parentSlot(), first.blockhash(), 0,
                List.of(badEntry, first.entries().get(1)), first.stateHash(), first.results());
            assertThrows(IllegalArgumentException.class, () -> writer.append(wrongHash));
            assertEquals(first.slot(), writer.append(first).get());
            assertThrows(IllegalArgumentException.class, () -> writer.append(first));
            assertThrows(IllegalArgumentException.class, () -> writer.append(wrongParent));
            assertEquals(first.slot(), writer.lastSlot());
        }
        assertEquals(1, Ledgers.readAll(dataDir).blocks().size());
    }

    @Test
    void secondWriterAndOtherGenesisAreRefused() throws IOException {
        try (LedgerWriter held = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC)) {
            assertEquals(TestChain.GENESIS_SLOT, held.lastSlot());
            assertThrows(IOException.class, () -> Ledgers.openWriter(dataDir, Ledgers.NO_SYNC));
        }
        assertThrows(LedgerCorruptException.class,
            () -> LedgerWriter.open(dataDir, TestChain.GENESIS_SLOT, Hash.ZERO, Ledgers.NO_SYNC));
        assertThrows(LedgerCorruptException.class,
            () -> LedgerWriter.open(dataDir, 5, TestChain.GENESIS_HASH, Ledgers.NO_SYNC));
    }

    @Test
    void appendAfterCloseFails() throws IOException {
        final LedgerWriter writer = Ledgers.openWriter(dataDir, Ledgers.NO_SYNC);
        writer.close();
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> writer.append(new TestChain(5).next(1, 1)).get());
        assertTrue(failure.getCause() instanceof IllegalStateException);
        writer.close();
    }

    @Test
    void openAtSkipsSegmentsBeforeTheSlot() throws IOException {
        final List<Block> blocks = Ledgers.blocks(new TestChain(6), 200, 3, 6);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC.withSegmentBytes(8 * 1024), blocks);
        final long slot = blocks.get(150).slot();
        try (LedgerReader reader = LedgerReader.openAt(dataDir, slot)) {
            final Block first = reader.next();
            assertTrue(first.slot() <= blocks.get(151).slot() && first.slot() > blocks.get(10).slot(), "first " + first.slot());
            Block last = first;
            while (reader.hasNext()) {
                last = reader.next();
            }
            assertEquals(blocks.get(199), last);
            assertEquals(LedgerEnd.Tail.CLEAN, reader.end().tail());
        }
    }
}
