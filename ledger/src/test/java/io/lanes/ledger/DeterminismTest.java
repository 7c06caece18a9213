package io.lanes.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void twoWritersFedTheSameBlocksWriteIdenticalSegments() throws Exception {
        final List<Block> blocks = Ledgers.blocks(new TestChain(41), 200, 4, 6);
        final LedgerConfig config = LedgerConfig.DEFAULT.withSegmentBytes(32 * 1024);
        // One writer pipelines everything (large group commits); the other waits for every block
        // (one block per fsync), with a different queue and batch size: the bytes must not differ.
        Ledgers.writeAll(first, config, blocks);
        try (LedgerWriter writer = Ledgers.openWriter(second, config.withQueueCapacityBlocks(1).withMaxBatchBytes(1))) {
            for (final Block block : blocks) {
                writer.append(block).get();
            }
        }
        final List<Path> firstSegments = Ledgers.segments(first);
        final List<Path> secondSegments = Ledgers.segments(second);
        assertTrue(firstSegments.size() > 3, "segments: " + firstSegments.size());
        assertEquals(firstSegments.size(), secondSegments.size());
        for (int i = 0; i < firstSegments.size(); i++) {
            assertEquals(firstSegments.get(i).getFileName(), secondSegments.get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(firstSegments.get(i)), Files.readAllBytes(secondSegments.get(i)),
                firstSegments.get(i).getFileName().toString());
        }
    }

    @Test
    void reopeningMidwayWritesTheSameBytesAsOneSession() throws IOException {
        final List<Block> blocks = Ledgers.blocks(new TestChain(42), 120, 3, 5);
        final LedgerConfig config = Ledgers.NO_SYNC.withSegmentBytes(16 * 1024);
        Ledgers.writeAll(first, config, blocks);
        Ledgers.writeAll(second, config, blocks.subList(0, 50));
        Ledgers.writeAll(second, config, blocks.subList(50, 51));
        Ledgers.writeAll(second, config, blocks.subList(51, 120));
        final List<Path> firstSegments = Ledgers.segments(first);
        final List<Path> secondSegments = Ledgers.segments(second);
        assertEquals(firstSegments.size(), secondSegments.size());
        for (int i = 0; i < firstSegments.size(); i++) {
            assertArrayEquals(Files.readAllBytes(firstSegments.get(i)), Files.readAllBytes(secondSegments.get(i)));
        }
    }
}
