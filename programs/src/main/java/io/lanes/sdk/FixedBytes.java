package io.lanes.sdk;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

/**
 * An immutable value of a fixed number of bytes (a key, a hash or a signature), with base58 text form.
 * Equality and ordering are by the bytes (ordering is unsigned, lexicographic).
 */
public abstract class FixedBytes implements Comparable<FixedBytes> {
    protected final byte[] bytes;
    private final int hash;
    /** Cached text form: values are immutable, so a race only computes it twice. */
    private String base58;

    protected FixedBytes(final byte[] bytes, final int expectedLength) {
        if (bytes.length != expectedLength) {
            throw new IllegalArgumentException(
                getClass().getSimpleName() + " needs " + expectedLength + " bytes, got " + bytes.length);
        }
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public final int length() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public final byte[] toBytes() {
        return bytes.clone();
    }

    public final byte byteAt(final int index) {
        return bytes[index];
    }

    public final void copyTo(final byte[] destination, final int offset) {
        System.arraycopy(bytes, 0, destination, offset, bytes.length);
    }

    public final void copyTo(final MutableDirectBuffer destination, final int offset) {
        destination.putBytes(offset, bytes);
    }

    /** True if the buffer holds exactly these bytes at the offset. */
    public final boolean equalsBytesAt(final DirectBuffer buffer, final int offset) {
        for (int i = 0; i < bytes.length; i++) {
            if (buffer.getByte(offset + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    public final boolean equalsBytesAt(final byte[] buffer, final int offset) {
        return Arrays.equals(bytes, 0, bytes.length, buffer, offset, offset + bytes.length);
    }

    public final String toBase58() {
        String text = base58;
        if (text == null) {
            text = Base58.encode(bytes);
            base58 = text;
        }
        return text;
    }

    @Override
    public final String toString() {
        return toBase58();
    }

    @Override
    public final boolean equals(final Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) other).bytes);
    }

    @Override
    public final int hashCode() {
        return hash;
    }

    @Override
    public final int compareTo(final FixedBytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
