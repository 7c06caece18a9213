package io.lanes.sdk;

/**
 * The tiny JSON reader {@link Keypair} needs: one array of exactly 64 integers 0..255, with JSON
 * whitespace allowed between tokens and nothing else. Errors name the character offset.
 */
final class KeypairJson {
    private final String text;
    private int position;

    private KeypairJson(final String text) {
        this.text = text;
    }

    /** The 64 bytes of a keypair array. */
    static byte[] parse(final String text) {
        if (text == null) {
            throw new IllegalArgumentException("keypair JSON is null");
        }
        return new KeypairJson(text).array();
    }

    private byte[] array() {
        final byte[] bytes = new byte[Keypair.FILE_BYTE_COUNT];
        skipWhitespace();
        expect('[', "a JSON array '['");
        int count = 0;
        skipWhitespace();
        if (peek() == ']') {
            throw error("the array is empty; expected " + Keypair.FILE_BYTE_COUNT + " numbers");
        }
        while (true) {
            final int value = number(count);
            if (count == bytes.length) {
                throw error("more than " + Keypair.FILE_BYTE_COUNT + " numbers in the array");
            }
            bytes[count++] = (byte) value;
            skipWhitespace();
            if (peek() == ']') {
                position++;
                break;
            }
            expect(',', "',' or ']' after number " + count);
            skipWhitespace();
        }
        if (count != bytes.length) {
            throw error("the array has " + count + " numbers; expected " + Keypair.FILE_BYTE_COUNT);
        }
        skipWhitespace();
        if (position != text.length()) {
            throw error("unexpected text after the array");
        }
        return bytes;
    }

    private int number(final int index) {
        final int start = position;
        while (position < text.length() && isNumberChar(text.charAt(position))) {
            position++;
        }
        final String token = text.substring(start, position);
        if (token.isEmpty()) {
            throw error("expected a number for element " + index);
        }
        if (!token.matches("0|[1-9][0-9]{0,2}")) {
            throw errorAt(start, "element " + index + " is '" + token + "'; expected an integer 0..255");
        }
        final int value = Integer.parseInt(token);
        if (value > 255) {
            throw errorAt(start, "element " + index + " is " + value + "; expected an integer 0..255");
        }
        return value;
    }

    private static boolean isNumberChar(final char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    private void expect(final char wanted, final String what) {
        if (peek() != wanted) {
            throw error("expected " + what);
        }
        position++;
    }

    /** The next character, or 0 at the end. */
    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipWhitespace() {
        while (position < text.length() && isJsonWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isJsonWhitespace(final char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private IllegalArgumentException error(final String reason) {
        return errorAt(position, reason);
    }

    private IllegalArgumentException errorAt(final int offset, final String reason) {
        final String found = offset < text.length() ? "'" + text.charAt(offset) + "'" : "end of text";
        return new IllegalArgumentException(
            "malformed keypair JSON at character " + offset + " (found " + found + "): " + reason);
    }
}
