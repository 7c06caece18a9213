package io.lanes.sdk;

import java.util.Arrays;

/**
 * Bitcoin-alphabet base58, the text form Solana uses for keys, hashes and signatures.
 * Leading zero bytes map to leading '1' characters, so 32 zero bytes encode as
 * {@code 11111111111111111111111111111111}.
 */
public final class Base58 {
    private static final char[] ALPHABET =
        "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(final byte[] input) {
        return encode(input, 0, input.length);
    }

    public static String encode(final byte[] source, final int offset, final int length) {
        if (length == 0) {
            return "";
        }
        final byte[] input = Arrays.copyOfRange(source, offset, offset + length);
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        final char[] encoded = new char[input.length * 2];
        int outputStart = encoded.length;
        for (int inputStart = zeros; inputStart < input.length; ) {
            encoded[--outputStart] = ALPHABET[divmod(input, inputStart, 256, 58)];
            if (input[inputStart] == 0) {
                inputStart++;
            }
        }
        while (outputStart < encoded.length && encoded[outputStart] == ALPHABET[0]) {
            outputStart++;
        }
        while (--zeros >= 0) {
            encoded[--outputStart] = ALPHABET[0];
        }
        return new String(encoded, outputStart, encoded.length - outputStart);
    }

    /**
     * @throws IllegalArgumentException if the text holds a character outside the alphabet
     */
    public static byte[] decode(final String input) {
        if (input.isEmpty()) {
            return new byte[0];
        }
        final byte[] input58 = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            final char c = input.charAt(i);
            final int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "' at position " + i);
            }
            input58[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < input58.length && input58[zeros] == 0) {
            zeros++;
        }
        final byte[] decoded = new byte[input.length()];
        int outputStart = decoded.length;
        for (int inputStart = zeros; inputStart < input58.length; ) {
            decoded[--outputStart] = divmod(input58, inputStart, 58, 256);
            if (input58[inputStart] == 0) {
                inputStart++;
            }
        }
        while (outputStart < decoded.length && decoded[outputStart] == 0) {
            outputStart++;
        }
        return Arrays.copyOfRange(decoded, outputStart - zeros, decoded.length);
    }

    /** Decodes and requires an exact length, e.g. 32 for a key. */
    public static byte[] decode(final String input, final int expectedLength) {
        final byte[] bytes = decode(input);
        if (bytes.length != expectedLength) {
            throw new IllegalArgumentException(
                "base58 value decodes to " + bytes.length + " bytes, expected " + expectedLength + ": " + input);
        }
        return bytes;
    }

    private static byte divmod(final byte[] number, final int firstDigit, final int base, final int divisor) {
        int remainder = 0;
        for (int i = firstDigit; i < number.length; i++) {
            final int digit = number[i] & 0xFF;
            final int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return (byte) remainder;
    }
}
