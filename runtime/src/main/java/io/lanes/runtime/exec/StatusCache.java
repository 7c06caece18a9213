package io.lanes.runtime.exec;

import io.lanes.sdk.Signature;
import org.agrona.collections.Object2LongHashMap;

/**
 * Signatures of recently admitted transactions, to reject a duplicate as Solana does
 * ({@code AlreadyProcessed}). Entries live as long as their blockhash could still be valid:
 * {@link #purgeOlderThan} drops those admitted before the oldest slot a blockhash may come from.
 * Owned by the admitting thread. Open addressing: no allocation per insert.
 */
public final class StatusCache {
    private static final long ABSENT = Long.MIN_VALUE;
    private final Object2LongHashMap<Signature> slotBySignature = new Object2LongHashMap<>(ABSENT);

    /** @return false if the signature was already there (a duplicate) */
    public boolean add(final Signature signature, final long slot) {
        if (slotBySignature.containsKey(signature)) {
            return false;
        }
        slotBySignature.put(signature, slot);
        return true;
    }

    public boolean contains(final Signature signature) {
        return slotBySignature.containsKey(signature);
    }

    /** The slot the signature was admitted in, or -1. */
    public long slotOf(final Signature signature) {
        final long slot = slotBySignature.getValue(signature);
        return slot == ABSENT ? -1 : slot;
    }

    public void purgeOlderThan(final long oldestSlotKept) {
        slotBySignature.values().removeIfLong(slot -> slot < oldestSlotKept);
    }

    public int size() {
        return slotBySignature.size();
    }
}
