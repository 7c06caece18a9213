package io.lanes.runtime.exec;

import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.collections.Long2LongHashMap;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One executor's commutative additions ({@link InvokeContext#addCommutative}): those of the
 * transaction executing now, and the sums per account of the transactions committed since the
 * block began, applied to the store when it ends.
 *
 * <p>Why the sums cannot overflow: a counter accepts additions only while it is at most
 * {@link InvokeContext#MAX_COMMUTATIVE_COUNTER} (2^62) at the block's start, each adds at most
 * 2^32 - 1, and a block holds far fewer than 2^30 additions, so the end value stays below 2^63.
 * No allocation after warm-up; owned by the executor's thread until the block ends.
 */
final class CommutativeAdds {
    private static final long NO_SUM = 0;

    private int pendingCount;
    private int[] pendingSlots = new int[4];
    private long[] pendingDeltas = new long[4];
    private final Long2LongHashMap blockSums = new Long2LongHashMap(NO_SUM);
    private final AccountBuffer scratch = new AccountBuffer();

    /** The counter a commutative addition targets: data bytes 0..8, little-endian. */
    static long counter(final AccountBuffer account) {
        return account.data().getLong(0, ByteOrder.LITTLE_ENDIAN);
    }

    void beginTransaction() {
        pendingCount = 0;
    }

    void add(final int storeSlot, final long delta) {
        if (delta == 0) {
            return;
        }
        if (pendingCount == pendingSlots.length) {
            pendingSlots = Arrays.copyOf(pendingSlots, pendingCount * 2);
            pendingDeltas = Arrays.copyOf(pendingDeltas, pendingCount * 2);
        }
        pendingSlots[pendingCount] = storeSlot;
        pendingDeltas[pendingCount] = delta;
        pendingCount++;
    }

    /** The transaction committed: its additions join the block's sums. */
    void commitTransaction() {
        for (int i = 0; i < pendingCount; i++) {
            final long slot = pendingSlots[i];
            blockSums.put(slot, blockSums.get(slot) + pendingDeltas[i]);
        }
        pendingCount = 0;
    }

    boolean hasBlockAdds() {
        return !blockSums.isEmpty();
    }

    /**
     * Adds each account's sum to its counter. An account closed or shrunk below 8 bytes later in
     * the block keeps what it has: its additions are dropped (the same in every execution order).
     */
    void applyTo(final AccountStore store) {
        if (blockSums.isEmpty()) {
            return;
        }
        blockSums.forEachLong((slot, sum) -> {
            store.load((int) slot, scratch);
            if (scratch.lamports() != 0 && scratch.dataLength() >= Long.BYTES) {
                scratch.data().putLong(0, counter(scratch) + sum, ByteOrder.LITTLE_ENDIAN);
                store.save((int) slot, scratch);
            }
        });
        blockSums.clear();
    }
}
