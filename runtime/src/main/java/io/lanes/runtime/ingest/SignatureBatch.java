package io.lanes.runtime.ingest;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

/**
 * A reusable, fixed-capacity list of (key, message range, signature) entries to verify together,
 * with one verdict per entry. Holds references only (no copies); not thread-safe: one per thread.
 */
public final class SignatureBatch {
    private final Pubkey[] keys;
    private final Signature[] signatures;
    private final byte[][] messages;
    private final int[] offsets;
    private final int[] lengths;
    private final boolean[] valid;
    private int size;

    /** An empty batch that holds at most {@code capacity} entries. */
    public SignatureBatch(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be at least 1, got " + capacity);
        }
        keys = new Pubkey[capacity];
        signatures = new Signature[capacity];
        messages = new byte[capacity][];
        offsets = new int[capacity];
        lengths = new int[capacity];
        valid = new boolean[capacity];
    }

    /** Appends an entry (its verdict false until verified); false, and nothing added, if the batch is full. */
    public boolean add(final Pubkey key, final byte[] message, final int offset, final int length, final Signature signature) {
        if (size == keys.length) {
            return false;
        }
        keys[size] = key;
        signatures[size] = signature;
        messages[size] = message;
        offsets[size] = offset;
        lengths[size] = length;
        valid[size] = false;
        size++;
        return true;
    }

    /** Forgets every entry (and drops the references, so nothing is kept alive). */
    public void clear() {
        for (int i = 0; i < size; i++) {
            keys[i] = null;
            signatures[i] = null;
            messages[i] = null;
        }
        size = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return keys.length;
    }

    /** Room left. */
    public int remaining() {
        return keys.length - size;
    }

    public Pubkey key(final int index) {
        return keys[checkIndex(index)];
    }

    public Signature signature(final int index) {
        return signatures[checkIndex(index)];
    }

    public byte[] message(final int index) {
        return messages[checkIndex(index)];
    }

    public int offset(final int index) {
        return offsets[checkIndex(index)];
    }

    public int length(final int index) {
        return lengths[checkIndex(index)];
    }

    public boolean isValid(final int index) {
        return valid[checkIndex(index)];
    }

    /** Records the verdict of an entry (verifiers call this). */
    public void setValid(final int index, final boolean isValid) {
        valid[checkIndex(index)] = isValid;
    }

    private int checkIndex(final int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("entry " + index + " of a batch of " + size);
        }
        return index;
    }
}
