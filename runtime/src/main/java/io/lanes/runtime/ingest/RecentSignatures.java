package io.lanes.runtime.ingest;

import io.lanes.sdk.Signature;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lossy, fixed-size set of recently verified first signatures: a cheap pre-filter that skips
 * verifying a transaction seen moments ago. Each signature maps to one slot holding a 64-bit
 * fingerprint (a hash of all 64 bytes); a newer signature overwrites an older one in its slot, so
 * memory is fixed ({@code 8 * capacity} bytes) and an old duplicate may pass: the scheduler's
 * status cache is the real duplicate check. A false "seen" needs two verified signatures with
 * equal fingerprints (about 2^-64 per pair). Thread-safe, allocation-free.
 */
final class RecentSignatures {
    private static final long EMPTY = 0;
    private final AtomicLongArray fingerprints;
    private final int mask;

    /** @param capacity slots, rounded up to a power of two; 0 turns the filter off */
    RecentSignatures(final int capacity) {
        final int slots = capacity <= 0 ? 0 : Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        fingerprints = new AtomicLongArray(Math.max(slots, 1));
        mask = slots - 1;
    }

    boolean contains(final Signature signature) {
        if (mask < 0) {
            return false;
        }
        final long fingerprint = fingerprint(signature);
        return fingerprints.get(slot(fingerprint)) == fingerprint;
    }

    void add(final Signature signature) {
        if (mask >= 0) {
            final long fingerprint = fingerprint(signature);
            fingerprints.lazySet(slot(fingerprint), fingerprint);
        }
    }

    private int slot(final long fingerprint) {
        return (int) (mix(fingerprint) & mask);
    }

    /** A 64-bit hash of all 64 signature bytes (never {@link #EMPTY}). */
    private static long fingerprint(final Signature signature) {
        long value = 0;
        for (int offset = 0; offset < Signature.LENGTH; offset += Long.BYTES) {
            value = mix(value * 0x9e3779b97f4a7c15L + readLong(signature, offset));
        }
        return value == EMPTY ? 1 : value;
    }

    private static long readLong(final Signature signature, final int offset) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (signature.byteAt(offset + i) & 0xffL);
        }
        return value;
    }

    private static long mix(final long value) {
        final long mixed = (value ^ (value >>> 33)) * 0xff51afd7ed558ccdL;
        return mixed ^ (mixed >>> 33);
    }
}
