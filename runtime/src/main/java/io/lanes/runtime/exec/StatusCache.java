package io.lanes.runtime.exec;

import io.lanes.sdk.Signature;

import java.util.Arrays;

/**
 * Signatures of recently admitted transactions, to reject a duplicate as Solana does
 * ({@code AlreadyProcessed}).
 *
 * <p>Two generations: signatures go into the current set; every {@value #GENERATION_SLOTS} slots
 * the previous set is dropped and the current one becomes the previous. A lookup checks both, so
 * every signature admitted in the last 150 slots is found (and some up to 300 slots old: harmless,
 * since their blockhash has expired anyway). Dropping a generation is one swap; no per-entry
 * removal.
 *
 * <p>Each set is an open-addressing table keyed by the signature's first 8 bytes (random for real
 * signatures), comparing the whole signature only when those match. A probe reads only the array
 * of prefixes (one cache line per probe), not the signature objects; sized ahead so that a busy
 * node rarely grows it. Owned by the admitting thread.
 */
public final class StatusCache {
    public static final long GENERATION_SLOTS = BlockhashQueue.MAX_AGE_SLOTS;
    private static final int INITIAL_CAPACITY = 1 << 16;

    private SignatureSet current = new SignatureSet(INITIAL_CAPACITY);
    private SignatureSet previous = new SignatureSet(INITIAL_CAPACITY);
    private long currentStartSlot;

    /** @return false if the signature was already there (a duplicate) */
    public boolean add(final Signature signature, final long slot) {
        return !previous.contains(signature) && current.add(signature);
    }

    public boolean contains(final Signature signature) {
        return current.contains(signature) || previous.contains(signature);
    }

    /** A new slot began: once the current generation spans 150 slots, the previous one is dropped. */
    public void onSlot(final long slot) {
        if (slot - currentStartSlot >= GENERATION_SLOTS) {
            final SignatureSet dropped = previous;
            previous = current;
            dropped.clear();
            current = dropped;
            currentStartSlot = slot;
        }
    }

    public int size() {
        return current.size() + previous.size();
    }

    /** An insert-only open-addressing set of signatures, cleared as a whole. */
    static final class SignatureSet {
        private static final long EMPTY = 0;

        /** Each slot's stored prefix, {@link #EMPTY} when free: probing reads only this array. */
        private long[] prefixes;
        private Signature[] signatures;
        private int size;

        SignatureSet(final int capacity) {
            prefixes = new long[capacity];
            signatures = new Signature[capacity];
        }

        boolean add(final Signature signature) {
            if ((size + 1) * 2 > signatures.length) {
                grow();
            }
            final long prefix = storedPrefix(signature);
            final int found = probe(signature, prefix);
            if (found >= 0) {
                return false;
            }
            final int free = -found - 1;
            prefixes[free] = prefix;
            signatures[free] = signature;
            size++;
            return true;
        }

        boolean contains(final Signature signature) {
            return size > 0 && probe(signature, storedPrefix(signature)) >= 0;
        }

        /** The signature's index if it is in the set, else {@code -(free index) - 1}: where it would go. */
        private int probe(final Signature signature, final long prefix) {
            final int mask = signatures.length - 1;
            for (int index = index(prefix, mask); ; index = (index + 1) & mask) {
                final long stored = prefixes[index];
                if (stored == EMPTY) {
                    return -index - 1;
                }
                if (stored == prefix && signatures[index].equals(signature)) {
                    return index;
                }
            }
        }

        void clear() {
            if (size > 0) {
                Arrays.fill(prefixes, EMPTY);
                Arrays.fill(signatures, null);
                size = 0;
            }
        }

        int size() {
            return size;
        }

        private void grow() {
            final Signature[] oldSignatures = signatures;
            prefixes = new long[oldSignatures.length * 2];
            signatures = new Signature[oldSignatures.length * 2];
            size = 0;
            for (final Signature signature : oldSignatures) {
                if (signature != null) {
                    add(signature);
                }
            }
        }

        /** The signature's first 8 bytes, never {@link #EMPTY} (a prefix of 0 is stored as 1: the full compare tells them apart). */
        private static long storedPrefix(final Signature signature) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (signature.byteAt(i) & 0xFF);
            }
            return value == EMPTY ? 1 : value;
        }

        private static int index(final long prefix, final int mask) {
            final long mixed = prefix * 0x9E3779B97F4A7C15L;
            return (int) (mixed ^ (mixed >>> 32)) & mask;
        }
    }
}
