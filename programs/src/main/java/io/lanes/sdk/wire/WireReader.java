package io.lanes.sdk.wire;

import io.lanes.sdk.CompactU16;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

import java.util.Arrays;

/**
 * A bounds-checked cursor over a byte range. Every read checks the bytes that remain first, and
 * every declared element count is checked against them before anything is allocated, so a
 * hostile length can neither overrun the range nor allocate more than the input's size.
 * Positions in error messages are relative to the start of the range.
 */
final class WireReader {
    private final byte[] buffer;
    private final int start;
    private final int end;
    private int position;

    WireReader(final byte[] buffer, final int start, final int end) {
        assert 0 <= start && start <= end && end <= buffer.length;
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        this.position = start;
    }

    /** Absolute position in the buffer. */
    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    int peekUnsignedByte(final String what) {
        require(1, what);
        return buffer[position] & 0xFF;
    }

    int readUnsignedByte(final String what) {
        require(1, what);
        return buffer[position++] & 0xFF;
    }

    int readCompactU16(final String what) {
        final int decoded = CompactU16.decode(buffer, position, end);
        if (CompactU16.isError(decoded)) {
            throw failure("bad length of " + what + ": " + CompactU16.errorMessage(decoded));
        }
        position += CompactU16.encodedLengthOf(decoded);
        return CompactU16.value(decoded);
    }

    /**
     * Reads a compact-u16 element count and checks that {@code count * minimumElementSize} bytes
     * remain, so the caller may allocate {@code count} elements.
     */
    int readCount(final String what, final int minimumElementSize) {
        final int countPosition = position;
        final int count = readCompactU16(what);
        final long needed = (long) count * minimumElementSize;
        if (needed > remaining()) {
            throw new WireFormatException("declared " + count + " " + what + " at byte " + (countPosition - start)
                + " need at least " + needed + " bytes but only " + remaining() + " remain");
        }
        return count;
    }

    /** A compact-u16 length, then that many bytes, copied. */
    byte[] readByteVector(final String what) {
        final int length = readCount(what, 1);
        return readBytes(length, what);
    }

    byte[] readBytes(final int length, final String what) {
        require(length, what);
        final byte[] bytes = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return bytes;
    }

    Pubkey readPubkey(final String what) {
        require(Pubkey.LENGTH, what);
        final Pubkey key = Pubkey.read(buffer, position);
        position += Pubkey.LENGTH;
        return key;
    }

    Hash readHash(final String what) {
        require(Hash.LENGTH, what);
        final Hash hash = Hash.read(buffer, position);
        position += Hash.LENGTH;
        return hash;
    }

    Signature readSignature(final String what) {
        require(Signature.LENGTH, what);
        final Signature signature = Signature.read(buffer, position);
        position += Signature.LENGTH;
        return signature;
    }

    /** A copy of {@code buffer[from, position)}. */
    byte[] copySince(final int from) {
        assert start <= from && from <= position;
        return Arrays.copyOfRange(buffer, from, position);
    }

    void requireEnd(final String what) {
        if (position != end) {
            throw new WireFormatException(remaining() + " trailing bytes after the " + what
                + " (it ends at byte " + (position - start) + " of " + (end - start) + ")");
        }
    }

    WireFormatException failure(final String reason) {
        return new WireFormatException(reason + " at byte " + (position - start));
    }

    private void require(final int length, final String what) {
        if (length > remaining()) {
            throw new WireFormatException("truncated: " + what + " needs " + length + " bytes at byte "
                + (position - start) + " but only " + remaining() + " remain");
        }
    }
}
