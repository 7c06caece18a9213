package io.lanes.sdk.wire;

import io.lanes.sdk.CompactU16;
import io.lanes.sdk.FixedBytes;

/**
 * Writes into an array of exactly the size the caller computed; {@link #finish()} checks that
 * the computation and the writing agree. Values that do not fit the format fail with a
 * {@link WireFormatException}.
 */
final class WireWriter {
    private final byte[] output;
    private int position;

    WireWriter(final int length) {
        this.output = new byte[length];
    }

    /** The encoded length of a compact-u16 count, checking that it fits. */
    static int compactLength(final int count, final String what) {
        checkCount(count, what);
        return CompactU16.encodedLength(count);
    }

    void unsignedByte(final int value, final String what) {
        if (value < 0 || value > 0xFF) {
            throw new WireFormatException(what + " must be 0..255 to fit one byte, got " + value);
        }
        output[position++] = (byte) value;
    }

    void compactU16(final int count, final String what) {
        checkCount(count, what);
        position += CompactU16.encode(count, output, position);
    }

    void byteVector(final byte[] bytes, final String what) {
        compactU16(bytes.length, what);
        bytes(bytes);
    }

    void bytes(final byte[] bytes) {
        System.arraycopy(bytes, 0, output, position, bytes.length);
        position += bytes.length;
    }

    void fixed(final FixedBytes value) {
        value.copyTo(output, position);
        position += value.length();
    }

    byte[] finish() {
        assert position == output.length : "wrote " + position + " bytes into " + output.length;
        return output;
    }

    private static void checkCount(final int count, final String what) {
        if (count > CompactU16.MAX_VALUE) {
            throw new WireFormatException("too many " + what + ": " + count + ", the format allows "
                + CompactU16.MAX_VALUE);
        }
    }
}
