package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static io.lanes.runtime.store.SlotTable.CHUNK_SHIFT;
import static io.lanes.runtime.store.SlotTable.SLOTS_PER_CHUNK;
import static io.lanes.runtime.store.StateHasher.LANES;

/**
 * The state hash kept up to date incrementally: each slot's contribution to the lane sum (the four
 * u64 lanes of its account's digest, or zeros when the slot holds no account) and the running
 * lane sums. Replacing a slot's contribution subtracts the old lanes and adds the new ones, so the
 * sums always equal what a full scan of the contributions would add up (mod 2^64), and
 * {@link #stateHash} is the same value as {@link StateHasher}'s full definition.
 *
 * <p>Contributions are kept off-heap, 32 bytes per slot in chunks of
 * {@link SlotTable#SLOTS_PER_CHUNK} slots (512 KiB per chunk, 32 MB per million slots), allocated
 * when a slot of the chunk is first updated. A slot never updated contributes zeros.
 *
 * <p>Not thread-safe: used by the thread computing the state hash while no save is in flight.
 */
final class StateHashCache implements AutoCloseable {
    private static final int SLOT_MASK = SLOTS_PER_CHUNK - 1;
    private static final int CONTRIBUTION_BYTES = LANES * Long.BYTES;

    private final UnsafeBuffer[] contributionsByChunk = new UnsafeBuffer[(Integer.MAX_VALUE >>> CHUNK_SHIFT) + 1];
    private final long[] laneSum = new long[LANES];

    /** Makes the slot's contribution the digest that {@code hasher} computed last. */
    void update(final int slot, final StateHasher hasher) {
        final UnsafeBuffer contributions = contributions(slot);
        final int at = contributionOffset(slot);
        for (int lane = 0; lane < LANES; lane++) {
            replaceLane(contributions, at, lane, hasher.digestLane(lane));
        }
    }

    /** Makes the slot contribute nothing: it holds no account (never created, or deleted). */
    void clear(final int slot) {
        final UnsafeBuffer contributions = contributions(slot);
        final int at = contributionOffset(slot);
        for (int lane = 0; lane < LANES; lane++) {
            replaceLane(contributions, at, lane, 0);
        }
    }

    /** The state hash of the current contributions. */
    Hash stateHash() {
        return StateHasher.hashOfLaneSum(laneSum);
    }

    @Override
    public void close() {
        for (int chunkIndex = 0; chunkIndex < contributionsByChunk.length; chunkIndex++) {
            if (contributionsByChunk[chunkIndex] != null) {
                BufferUtil.free(contributionsByChunk[chunkIndex]);
                contributionsByChunk[chunkIndex] = null;
            }
        }
    }

    private void replaceLane(final UnsafeBuffer contributions, final int at, final int lane, final long newLane) {
        final int offset = at + lane * Long.BYTES;
        laneSum[lane] += newLane - contributions.getLong(offset);
        contributions.putLong(offset, newLane);
    }

    /** The chunk holding the slot's contribution, allocated (all zeros) on first use. */
    private UnsafeBuffer contributions(final int slot) {
        assert slot >= 0 : "slot ids are not negative";
        final int chunkIndex = slot >>> CHUNK_SHIFT;
        UnsafeBuffer contributions = contributionsByChunk[chunkIndex];
        if (contributions == null) {
            contributions = new UnsafeBuffer(ByteBuffer.allocateDirect(SLOTS_PER_CHUNK * CONTRIBUTION_BYTES));
            contributionsByChunk[chunkIndex] = contributions;
        }
        return contributions;
    }

    private static int contributionOffset(final int slot) {
        return (slot & SLOT_MASK) * CONTRIBUTION_BYTES;
    }
}
