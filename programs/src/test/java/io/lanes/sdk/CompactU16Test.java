package io.lanes.sdk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactU16Test {

    @Test
    void knownEncodingsFromSolanaShortVecTests() {
        assertArrayEquals(bytes(0x00), CompactU16.encode(0));
        assertArrayEquals(bytes(0x7f), CompactU16.encode(0x7f));
        assertArrayEquals(bytes(0x80, 0x01), CompactU16.encode(0x80));
        assertArrayEquals(bytes(0xff, 0x01), CompactU16.encode(0xff));
        assertArrayEquals(bytes(0x80, 0x02), CompactU16.encode(0x100));
        assertArrayEquals(bytes(0xc8, 0x01), CompactU16.encode(200));
        assertArrayEquals(bytes(0xff, 0x7f), CompactU16.encode(0x3fff));
        assertArrayEquals(bytes(0x80, 0x80, 0x01), CompactU16.encode(0x4000));
        assertArrayEquals(bytes(0xff, 0xff, 0x03), CompactU16.encode(0xffff));
    }

    @Test
    void everyValueRoundTripsWithItsLength() {
        final byte[] buffer = new byte[CompactU16.MAX_ENCODED_LENGTH];
        for (int value = 0; value <= CompactU16.MAX_VALUE; value++) {
            final int written = CompactU16.encode(value, buffer, 0);
            assertEquals(CompactU16.encodedLength(value), written);
            final int decoded = CompactU16.decode(buffer, 0, written);
            assertEquals(value, CompactU16.value(decoded));
            assertEquals(written, CompactU16.encodedLengthOf(decoded));
        }
    }

    /**
     * Over all 2^24 three-byte inputs: whatever decodes is exactly the canonical encoding of its
     * value, and every canonical encoding decodes whatever bytes follow it. The count of accepted
     * inputs pins both directions: 128 one-byte encodings times 65536 tails, 16256 two-byte ones
     * times 256, and 49152 three-byte ones.
     */
    @Test
    void acceptsExactlyTheCanonicalEncodings() {
        final byte[] input = new byte[3];
        final byte[] canonical = new byte[3];
        long accepted = 0;
        for (int bits = 0; bits < 1 << 24; bits++) {
            input[0] = (byte) bits;
            input[1] = (byte) (bits >>> 8);
            input[2] = (byte) (bits >>> 16);
            final int decoded = CompactU16.decode(input, 0, 3);
            if (CompactU16.isError(decoded)) {
                continue;
            }
            accepted++;
            final int length = CompactU16.encode(CompactU16.value(decoded), canonical, 0);
            if (length != CompactU16.encodedLengthOf(decoded)
                || !java.util.Arrays.equals(canonical, 0, length, input, 0, length)) {
                throw new AssertionError("accepted a non-canonical encoding: " + Integer.toHexString(bits));
            }
        }
        assertEquals(128L * 65536 + 16256L * 256 + 49152L, accepted);
    }

    @Test
    void rejectsWhatSolanaRejects() {
        assertError(CompactU16.ERROR_TRUNCATED, bytes());
        assertError(CompactU16.ERROR_TRUNCATED, bytes(0x80));
        assertError(CompactU16.ERROR_TRUNCATED, bytes(0xff, 0xff));
        assertError(CompactU16.ERROR_NON_CANONICAL, bytes(0x80, 0x00));
        assertError(CompactU16.ERROR_NON_CANONICAL, bytes(0xff, 0x80, 0x00));
        assertError(CompactU16.ERROR_TOO_LONG, bytes(0x80, 0x80, 0x80));
        assertError(CompactU16.ERROR_TOO_LONG, bytes(0xff, 0xff, 0xff, 0x00));
        assertError(CompactU16.ERROR_OVERFLOW, bytes(0x80, 0x80, 0x04));
        assertError(CompactU16.ERROR_OVERFLOW, bytes(0xff, 0xff, 0x07));
    }

    @Test
    void decodeNeverReadsAtOrPastTheEnd() {
        final byte[] source = bytes(0x80, 0x01);
        assertEquals(CompactU16.ERROR_TRUNCATED, CompactU16.decode(source, 0, 1));
        assertEquals(CompactU16.ERROR_TRUNCATED, CompactU16.decode(source, 2, 2));
        assertEquals(1, CompactU16.value(CompactU16.decode(source, 1, 2)));
    }

    @Test
    void encodeRejectsValuesOutsideU16() {
        assertThrows(IllegalArgumentException.class, () -> CompactU16.encode(0x10000));
        assertThrows(IllegalArgumentException.class, () -> CompactU16.encode(-1));
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> CompactU16.decodeValue(bytes(0x80, 0x00)));
        assertTrue(error.getMessage().contains("not canonical"), error.getMessage());
    }

    private static void assertError(final int expected, final byte[] input) {
        final int decoded = CompactU16.decode(input, 0, input.length);
        assertEquals(expected, decoded, () -> CompactU16.errorMessage(decoded));
        assertTrue(CompactU16.isError(decoded));
    }

    static byte[] bytes(final int... values) {
        final byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
