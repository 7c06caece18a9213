package io.lanes.ledger;

import io.lanes.sdk.Hash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReplayTest {
    @TempDir
    Path dataDir;

    private List<Block> blocks;

    @BeforeEach
    void writeLedger() throws IOException {
        blocks = Ledgers.blocks(new TestChain(61), 60, 3, 4);
        Ledgers.writeAll(dataDir, Ledgers.NO_SYNC.withSegmentBytes(8 * 1024), blocks);
    }

    private record Replayed(List<Block> blocks, LedgerProblem problem) {
    }

    private static Replayed drain(final Replay replay) {
        try (replay) {
            final List<Block> replayed = new ArrayList<>();
            replay.forEachRemaining(replayed::add);
            return new Replayed(replayed, replay.problem());
        }
    }

    @Test
    void fromGenesisYieldsEveryBlock() throws IOException {
        final Replayed replayed = drain(Replay.fromGenesis(dataDir, TestChain.GENESIS_SLOT));
        assertNull(replayed.problem());
        assertEquals(blocks, replayed.blocks());
    }

    @Test
    void afterASnapshotYieldsTheBlocksAfterIt() throws IOException {
        for (final int index : new int[] {0, 17, 40, 59}) {
            final Block at = blocks.get(index);
            final SnapshotInfo snapshot = new SnapshotInfo(at.slot(), at.stateHash(), Path.of("s"), 0);
            final Replayed replayed = drain(Replay.open(dataDir, snapshot));
            assertNull(replayed.problem(), "index " + index);
            assertEquals(blocks.subList(index + 1, blocks.size()), replayed.blocks(), "index " + index);
        }
    }

    @Test
    void aSnapshotThatIsNotThisLedgersStateIsReported() throws IOException {
        final Block at = blocks.get(20);
        final Replayed wrongHash = drain(Replay.open(dataDir, new SnapshotInfo(at.slot(), Hash.ZERO, Path.of("s"), 0)));
        assertEquals(LedgerProblem.Kind.STATE_HASH, wrongHash.problem().kind());
        assertEquals(at.slot(), wrongHash.problem().slot());

        final long beyond = blocks.get(59).slot() + 10;
        final Replayed ahead = drain(Replay.open(dataDir, new SnapshotInfo(beyond, Hash.ZERO, Path.of("s"), 0)));
        assertEquals(LedgerProblem.Kind.SLOT_CHAIN, ahead.problem().kind(), "snapshot ahead of the ledger");

        final Block skipped = findSkippedSlotAfter();
        final Replayed notABlock = drain(Replay.open(dataDir, new SnapshotInfo(skipped.parentSlot() + 1, Hash.ZERO, Path.of("s"), 0)));
        assertEquals(LedgerProblem.Kind.SLOT_CHAIN, notABlock.problem().kind(), "snapshot at a slot without a block");
        assertEquals(skipped.slot(), notABlock.problem().slot());
    }

    private Block findSkippedSlotAfter() {
        for (final Block block : blocks) {
            if (block.slot() > block.parentSlot() + 1) {
                return block;
            }
        }
        throw new AssertionError("the test chain skips slots now and then");
    }
}
