package io.lanes.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Base58Test {

    @Test
    void knownValues() {
        assertEquals("", Base58.encode(new byte[0]));
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("11111111111111111111111111111111", Base58.encode(new byte[32]));
        assertEquals("11111111111111111111111111111111", Pubkey.SYSTEM_PROGRAM.toBase58());
        assertArrayEquals("Hello World!".getBytes(StandardCharsets.US_ASCII), Base58.decode("2NEpo7TZRRrLZSi2U"));
    }

    @Test
    void leadingZeroBytesBecomeLeadingOnes() {
        assertEquals("1", Base58.encode(new byte[] {0}));
        assertEquals("111", Base58.encode(new byte[3]));
        assertEquals("11z", Base58.encode(new byte[] {0, 0, 57}));
        assertArrayEquals(new byte[] {0, 0, 57}, Base58.decode("11z"));
        assertArrayEquals(new byte[] {0, 0, 0, 1}, Base58.decode("1112"));
    }

    @Test
    void randomBytesRoundTrip() {
        final Random random = new Random(58);
        for (int i = 0; i < 2000; i++) {
            final byte[] bytes = new byte[random.nextInt(81)];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length > 3) {
                bytes[0] = 0;
                bytes[1] = 0;
                if (random.nextBoolean()) {
                    bytes[2] = 0;
                }
            }
            final String text = Base58.encode(bytes);
            assertArrayEquals(bytes, Base58.decode(text), text);
            assertEquals(text, Base58.encode(Base58.decode(text)));
        }
    }

    @Test
    void encodeOfARangeEqualsEncodeOfItsCopy() {
        final byte[] buffer = {9, 0, 0, 5, 7, 9};
        assertEquals(Base58.encode(new byte[] {0, 0, 5, 7}), Base58.encode(buffer, 1, 4));
        assertTrue(Base58.encode(buffer, 1, 4).startsWith("11"));
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        for (final String bad : new String[] {"0", "O", "I", "l", "abc+", "ab c", "é", "\u0000"}) {
            final IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Base58.decode(bad), bad);
            assertTrue(error.getMessage().contains("invalid base58 character"), error.getMessage());
        }
    }

    @Test
    void fixedLengthDecodeChecksTheLength() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("2NEpo7TZRRrLZSi2U", 32));
        assertThrows(IllegalArgumentException.class, () -> Pubkey.fromBase58("1111111111111111111111111111111"));
        assertEquals(32, Base58.decode("11111111111111111111111111111111", 32).length);
    }
}
