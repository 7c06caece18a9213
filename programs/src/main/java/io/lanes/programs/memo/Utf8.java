package io.lanes.programs.memo;

/**
 * UTF-8 validation with Rust's {@code str::from_utf8} rules (no overlong forms, no surrogates,
 * nothing above U+10FFFF) and Rust's {@code {:?}} quoting of a string.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Index of the first byte of the first invalid sequence ({@code valid_up_to}), or -1 if all valid. */
    static int firstInvalidByte(final byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            final int length = sequenceLength(bytes, i);
            if (length < 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** Length of the valid sequence starting at {@code i}, or -1. */
    private static int sequenceLength(final byte[] bytes, final int i) {
        final int first = bytes[i] & 0xFF;
        if (first < 0x80) {
            return 1;
        }
        if (first >= 0xC2 && first <= 0xDF) {
            return continuation(bytes, i + 1, 0x80, 0xBF) ? 2 : -1;
        }
        if (first >= 0xE0 && first <= 0xEF) {
            final int low = first == 0xE0 ? 0xA0 : 0x80;
            final int high = first == 0xED ? 0x9F : 0xBF;
            return continuation(bytes, i + 1, low, high) && continuation(bytes, i + 2, 0x80, 0xBF) ? 3 : -1;
        }
        if (first >= 0xF0 && first <= 0xF4) {
            final int low = first == 0xF0 ? 0x90 : 0x80;
            final int high = first == 0xF4 ? 0x8F : 0xBF;
            return continuation(bytes, i + 1, low, high) && continuation(bytes, i + 2, 0x80, 0xBF)
                && continuation(bytes, i + 3, 0x80, 0xBF) ? 4 : -1;
        }
        return -1;
    }

    private static boolean continuation(final byte[] bytes, final int index, final int low, final int high) {
        if (index >= bytes.length) {
            return false;
        }
        final int value = bytes[index] & 0xFF;
        return value >= low && value <= high;
    }

    /**
     * The string in double quotes with Rust's Debug escapes: {@code \0 \t \r \n \\ \"}, and
     * {@code \\u{hex}} for control, format, unassigned, private-use, separator (other than the
     * space) and combining-mark characters (an approximation of Rust's printable and
     * grapheme-extend tables).
     */
    static String debugQuoted(final String text) {
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(codePoint -> appendEscaped(quoted, codePoint));
        return quoted.append('"').toString();
    }

    private static void appendEscaped(final StringBuilder out, final int codePoint) {
        switch (codePoint) {
            case 0 -> out.append("\\0");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\\' -> out.append("\\\\");
            case '"' -> out.append("\\\"");
            default -> {
                if (needsUnicodeEscape(codePoint)) {
                    out.append("\\u{").append(Integer.toHexString(codePoint)).append('}');
                } else {
                    out.appendCodePoint(codePoint);
                }
            }
        }
    }

    private static boolean needsUnicodeEscape(final int codePoint) {
        if (codePoint == ' ') {
            return false;
        }
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                Character.NON_SPACING_MARK, Character.ENCLOSING_MARK:
                return true;
            default:
                return false;
        }
    }
}
