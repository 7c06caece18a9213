package io.lanes.runtime.exec;

import io.lanes.sdk.Hash;

import java.util.HashMap;
import java.util.Map;

/**
 * The recent blockhashes a transaction may name: the last {@value #MAX_AGE_SLOTS}, as in Solana.
 * Owned by the admitting thread.
 */
public final class BlockhashQueue {
    public static final int MAX_AGE_SLOTS = 150;

    private final Hash[] ring = new Hash[MAX_AGE_SLOTS];
    private final long[] ringSlots = new long[MAX_AGE_SLOTS];
    private final Map<Hash, Long> slotByHash = new HashMap<>();
    private long registered;

    /** Makes the hash the latest one; the oldest drops out once 150 are held. */
    public void register(final Hash blockhash, final long slot) {
        final int position = (int) (registered % MAX_AGE_SLOTS);
        final Hash evicted = ring[position];
        if (evicted != null && slotByHash.get(evicted) == ringSlots[position]) {
            slotByHash.remove(evicted);
        }
        ring[position] = blockhash;
        ringSlots[position] = slot;
        slotByHash.put(blockhash, slot);
        registered++;
    }

    /** Clients almost always name the latest blockhash: compare with it before the map lookup (profiled). */
    public boolean isValid(final Hash blockhash) {
        final Hash latest = latest();
        return (latest != null && latest.equals(blockhash)) || slotByHash.containsKey(blockhash);
    }

    /** The most recent blockhash, or null before the first. */
    public Hash latest() {
        return registered == 0 ? null : ring[(int) ((registered - 1) % MAX_AGE_SLOTS)];
    }

    /** The slot the blockhash was made in, or -1 if it is not recent. */
    public long slotOf(final Hash blockhash) {
        final Long slot = slotByHash.get(blockhash);
        return slot == null ? -1 : slot;
    }
}
