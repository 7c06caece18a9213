package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;

/**
 * Key to slot id: open addressing with linear probing over one long array. An entry is
 * {@code fingerprint << 32 | (slot + 1)}, 0 when empty. The fingerprint is 32 mixed bits of the
 * key's first 8 bytes and its (cached) hash code; a fingerprint match is confirmed by comparing
 * all 32 bytes with the slot's cached key object, so a lookup allocates nothing. (Comparing with
 * the key bytes in the off-heap slot header instead measured 2 to 3 times slower: a byte-wise
 * loop through the buffer interface, against an intrinsic array compare.)
 *
 * <p>Real keys (Ed25519 points, program-derived addresses) are uniformly spread, so the probes
 * stay short. Keys crafted to collide on 64 bits of fingerprint input would make chains long; the
 * fingerprint is not keyed, so this is not a defence against such an attacker.
 *
 * <h2>Threading</h2>
 * Single writer; lookups only from the writer's thread. Entries are never removed: a slot keeps
 * its key for the life of the store.
 */
final class KeyIndex {
    private static final int INITIAL_CAPACITY = 1024;
    private static final long EMPTY = 0L;

    private final SlotTable slots;
    private long[] entries;
    private int mask;
    private int size;

    KeyIndex(final SlotTable slots, final int expectedKeys) {
        this.slots = slots;
        final int capacity = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.min(Math.max(1, expectedKeys), 1 << 28)) << 2);
        this.entries = new long[capacity];
        this.mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The key's slot, or -1. */
    int find(final Pubkey key) {
        final int fingerprint = fingerprint(key);
        for (int index = fingerprint & mask; ; index = (index + 1) & mask) {
            final long entry = entries[index];
            if (entry == EMPTY) {
                return -1;
            }
            if ((int) (entry >>> 32) == fingerprint) {
                final int slot = (int) entry - 1;
                if (slots.key(slot).equals(key)) {
                    return slot;
                }
            }
        }
    }

    /** Records a key that {@link #find} does not know. */
    void insert(final Pubkey key, final int slot) {
        assert find(key) < 0 : key;
        if ((size + 1) * 2L > entries.length) {
            grow();
        }
        put(entries, mask, fingerprint(key), slot);
        size++;
    }

    static int fingerprint(final Pubkey key) {
        long mixed = key.prefix() ^ (key.hashCode() * 0x9E3779B97F4A7C15L);
        mixed = (mixed ^ (mixed >>> 33)) * 0xFF51AFD7ED558CCDL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return (int) ((mixed ^ (mixed >>> 33)) >>> 32);
    }

    private void grow() {
        final long[] bigger = new long[entries.length * 2];
        final int biggerMask = bigger.length - 1;
        for (final long entry : entries) {
            if (entry != EMPTY) {
                put(bigger, biggerMask, (int) (entry >>> 32), (int) entry - 1);
            }
        }
        entries = bigger;
        mask = biggerMask;
    }

    private static void put(final long[] table, final int mask, final int fingerprint, final int slot) {
        int index = fingerprint & mask;
        while (table[index] != EMPTY) {
            index = (index + 1) & mask;
        }
        table[index] = ((long) fingerprint << 32) | (slot + 1L);
    }
}
