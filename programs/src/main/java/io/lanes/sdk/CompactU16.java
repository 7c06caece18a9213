package io.lanes.sdk;

/**
 * Solana's "shortvec" length encoding (compact-u16): a value 0..0xFFFF in 1 to 3 bytes, 7 bits per
 * byte, least significant group first, the high bit of a byte saying that another byte follows.
 *
 * <p>Decoding accepts exactly what Solana's {@code short_vec} accepts: only the canonical (shortest)
 * encoding, at most 3 bytes, the third byte without a continuation bit, and no value above 0xFFFF.
 * To stay allocation-free, {@link #decode} returns the value and the encoded length packed in one
 * {@code int}, or a negative error code; read them with {@link #value}, {@link #encodedLengthOf}
 * and {@link #errorMessage}.
 */
public final class CompactU16 {
    public static final int MAX_VALUE = 0xFFFF;
    public static final int MAX_ENCODED_LENGTH = 3;

    /** The input ended before the last byte of the encoding. */
    public static final int ERROR_TRUNCATED = -1;
    /** A byte after the first is zero: a longer, non-canonical form of a shorter encoding. */
    public static final int ERROR_NON_CANONICAL = -2;
    /** The third byte has its continuation bit set: the encoding would be longer than 3 bytes. */
    public static final int ERROR_TOO_LONG = -3;
    /** The encoded value is above 0xFFFF. */
    public static final int ERROR_OVERFLOW = -4;

    private static final int LENGTH_SHIFT = 16;
    private static final int CONTINUATION_BIT = 0x80;
    private static final int GROUP_MASK = 0x7F;
    private static final int BITS_PER_BYTE = 7;

    private CompactU16() {
    }

    /** How many bytes {@code value} encodes to: 1, 2 or 3. */
    public static int encodedLength(final int value) {
        checkValue(value);
        if (value < 0x80) {
            return 1;
        }
        return value < 0x4000 ? 2 : 3;
    }

    /**
     * Writes the encoding of {@code value} at {@code offset}.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if the value is outside 0..0xFFFF
     */
    public static int encode(final int value, final byte[] destination, final int offset) {
        final int length = encodedLength(value);
        int remaining = value;
        for (int i = 0; i < length - 1; i++) {
            destination[offset + i] = (byte) ((remaining & GROUP_MASK) | CONTINUATION_BIT);
            remaining >>>= BITS_PER_BYTE;
        }
        destination[offset + length - 1] = (byte) remaining;
        assert remaining <= GROUP_MASK;
        return length;
    }

    /** The encoding of {@code value} as a new array. */
    public static byte[] encode(final int value) {
        final byte[] encoded = new byte[encodedLength(value)];
        encode(value, encoded, 0);
        return encoded;
    }

    /**
     * Decodes the value at {@code offset}, reading no byte at or after {@code end}.
     *
     * @return {@code value | encodedLength << 16} (never negative), or one of the negative
     *     {@code ERROR_} codes
     */
    public static int decode(final byte[] source, final int offset, final int end) {
        int value = 0;
        for (int position = 0; position < MAX_ENCODED_LENGTH; position++) {
            if (offset + position >= end) {
                return ERROR_TRUNCATED;
            }
            final int element = source[offset + position] & 0xFF;
            if (element == 0 && position > 0) {
                return ERROR_NON_CANONICAL;
            }
            final boolean last = (element & CONTINUATION_BIT) == 0;
            if (!last && position == MAX_ENCODED_LENGTH - 1) {
                return ERROR_TOO_LONG;
            }
            value |= (element & GROUP_MASK) << (BITS_PER_BYTE * position);
            if (value > MAX_VALUE) {
                return ERROR_OVERFLOW;
            }
            if (last) {
                return value | ((position + 1) << LENGTH_SHIFT);
            }
        }
        throw new AssertionError("the loop returns by the third byte");
    }

    /** Convenience for whole arrays: the value encoded at the start of {@code source}. */
    public static int decodeValue(final byte[] source) {
        final int decoded = decode(source, 0, source.length);
        if (isError(decoded)) {
            throw new IllegalArgumentException(errorMessage(decoded));
        }
        return value(decoded);
    }

    /** True if a {@link #decode} result is an error code. */
    public static boolean isError(final int decoded) {
        return decoded < 0;
    }

    /** The value of a successful {@link #decode} result. */
    public static int value(final int decoded) {
        assert decoded >= 0 : "not a successful decode result: " + decoded;
        return decoded & MAX_VALUE;
    }

    /** The number of bytes a successful {@link #decode} consumed. */
    public static int encodedLengthOf(final int decoded) {
        assert decoded >= 0 : "not a successful decode result: " + decoded;
        return decoded >>> LENGTH_SHIFT;
    }

    /** A human-readable reason for an error code from {@link #decode}. */
    public static String errorMessage(final int errorCode) {
        switch (errorCode) {
            case ERROR_TRUNCATED:
                return "compact-u16 truncated: input ends inside the encoding";
            case ERROR_NON_CANONICAL:
                return "compact-u16 not canonical: a byte after the first is zero";
            case ERROR_TOO_LONG:
                return "compact-u16 too long: the third byte has its continuation bit set";
            case ERROR_OVERFLOW:
                return "compact-u16 overflow: value above 0xFFFF";
            default:
                return "not a compact-u16 error code: " + errorCode;
        }
    }

    private static void checkValue(final int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("compact-u16 value out of range 0..65535: " + value);
        }
    }
}
