package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The blocks to re-execute after loading a snapshot: those with slot above the snapshot's, in
 * order, chain-checked by the {@link LedgerReader}. It also checks that the ledger continues from
 * the snapshot: the block at the snapshot's slot (when still in the log) recorded the snapshot's
 * state hash, the first replayed block's parent is the snapshot's slot, and the ledger does not
 * end before the snapshot. A failed check ends the iteration with a {@link #problem()}; so does a
 * problem of the reader ({@link #end()} says where the log ends).
 *
 * <p>A snapshot's slot must be the slot of a block in the ledger (or the genesis slot). Single-threaded.
 */
public final class Replay implements Iterator<Block>, AutoCloseable {
    private final LedgerReader reader;
    private final long snapshotSlot;
    private final Hash snapshotStateHash;
    private Block nextBlock;
    private boolean started;
    private boolean done;
    private LedgerProblem problem;

    private Replay(final LedgerReader reader, final long snapshotSlot, final Hash snapshotStateHash) {
        this.reader = reader;
        this.snapshotSlot = snapshotSlot;
        this.snapshotStateHash = snapshotStateHash;
    }

    /**
     * Replays {@code reader}'s blocks after {@code snapshotSlot}.
     *
     * @param snapshotStateHash the snapshot's state hash, compared with the block at its slot if the
     *                          reader passes it; null to skip that check
     */
    public static Replay after(final LedgerReader reader, final long snapshotSlot, final Hash snapshotStateHash) {
        return new Replay(reader, snapshotSlot, snapshotStateHash);
    }

    /** Replays {@code dataDir}'s ledger after the snapshot, reading only from the segment that holds it on. */
    public static Replay open(final Path dataDir, final SnapshotInfo snapshot) throws IOException {
        return after(LedgerReader.openAt(dataDir, snapshot.slot()), snapshot.slot(), snapshot.stateHash());
    }

    /** Replays {@code dataDir}'s whole ledger from genesis (no snapshot). */
    public static Replay fromGenesis(final Path dataDir, final long genesisSlot) throws IOException {
        return after(LedgerReader.open(dataDir), genesisSlot, null);
    }

    @Override
    public boolean hasNext() {
        if (nextBlock == null && !done) {
            nextBlock = advance();
            done = nextBlock == null;
        }
        return nextBlock != null;
    }

    @Override
    public Block next() {
        if (!hasNext()) {
            throw new NoSuchElementException(problem == null ? "replay finished" : problem.toString());
        }
        final Block block = nextBlock;
        nextBlock = null;
        return block;
    }

    /** Why replay stopped early (null if it reached the end of the valid log); valid once {@link #hasNext()} is false. */
    public LedgerProblem problem() {
        if (!done) {
            throw new IllegalStateException("replay has not finished: call hasNext() until it is false");
        }
        return problem;
    }

    /** Where the log ends; valid once {@link #hasNext()} is false and {@link #problem()} is not about the snapshot. */
    public LedgerEnd end() {
        return reader.end();
    }

    private Block advance() {
        while (reader.hasNext()) {
            final Block block = reader.next();
            if (block.slot() == snapshotSlot && snapshotStateHash != null && !snapshotStateHash.equals(block.stateHash())) {
                return stop(new LedgerProblem(LedgerProblem.Kind.STATE_HASH, block.slot(), -1, -1, reader.lastBlockSegment(),
                    reader.lastBlockOffset(), "the snapshot's state hash is " + snapshotStateHash
                    + " but the ledger recorded " + block.stateHash() + " after this slot"));
            }
            if (block.slot() <= snapshotSlot) {
                continue;
            }
            if (!started && block.parentSlot() != snapshotSlot) {
                return stop(new LedgerProblem(LedgerProblem.Kind.SLOT_CHAIN, block.slot(), -1, -1, reader.lastBlockSegment(),
                    reader.lastBlockOffset(), "the first block after the snapshot has parent slot " + block.parentSlot()
                    + ", not the snapshot's slot " + snapshotSlot + ": the ledger does not continue from the snapshot"));
            }
            started = true;
            return block;
        }
        return finishAtEnd();
    }

    private Block finishAtEnd() {
        final LedgerEnd end = reader.end();
        if (end.tail() == LedgerEnd.Tail.CORRUPT) {
            return stop(end.problem());
        }
        if (!started && end.lastSlot() != snapshotSlot) {
            return stop(new LedgerProblem(LedgerProblem.Kind.SLOT_CHAIN, -1, -1, -1, end.segment(), -1,
                "the ledger ends at slot " + end.lastSlot() + " but the snapshot is at slot " + snapshotSlot
                + ": the snapshot is not a point of this ledger"));
        }
        return null;
    }

    private Block stop(final LedgerProblem found) {
        problem = found;
        return null;
    }

    @Override
    public void close() {
        reader.close();
    }
}
