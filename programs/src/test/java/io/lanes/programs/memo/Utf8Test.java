package io.lanes.programs.memo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rust's from_utf8 rules and Debug quoting. */
class Utf8Test {
    private static int invalidFrom(final int... bytes) {
        final byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return Utf8.firstInvalidByte(data);
    }

    @Test
    void acceptsEveryWellFormedLength() {
        assertEquals(-1, Utf8.firstInvalidByte("aé€🐆".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, invalidFrom(0xF4, 0x8F, 0xBF, 0xBF));
    }

    @Test
    void rejectsOverlongSurrogateTooLargeAndTruncatedSequences() {
        assertEquals(1, invalidFrom('a', 0xC0, 0x80));
        assertEquals(0, invalidFrom(0xE0, 0x80, 0x80));
        assertEquals(0, invalidFrom(0xED, 0xA0, 0x80));
        assertEquals(0, invalidFrom(0xF4, 0x90, 0x80, 0x80));
        assertEquals(2, invalidFrom('o', 'k', 0xE2, 0x82));
        assertEquals(0, invalidFrom(0x80));
        assertEquals(0, invalidFrom(0xFF));
    }

    @Test
    void quotesLikeRustsDebug() {
        assertEquals("\"tab\\there \\\"q\\\" back\\\\slash\\n\"", Utf8.debugQuoted("tab\there \"q\" back\\slash\n"));
        assertEquals("\"it's é \\u{7f}\\0\"", Utf8.debugQuoted("it's é \u007f\0"));
    }
}
