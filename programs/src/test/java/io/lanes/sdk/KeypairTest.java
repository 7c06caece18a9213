package io.lanes.sdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeypairTest {
    /** Seed 01 repeated: the vectors' payer. */
    private static final Pubkey PAYER = Pubkey.fromBase58("AKnL4NNf3DGWZJS6cPknBuEGnVsV4A4m5tgebLHaRSZ9");

    @Test
    void seedGivesTheSolanaPublicKey() {
        final Keypair payer = Keypair.fromSeed(PubkeyTest.filled(1));
        assertEquals(PAYER, payer.publicKey());
        assertArrayEquals(PubkeyTest.filled(1), payer.seed());
        assertFalse(payer.toString().contains("1, 1"), "toString must not show the seed");
        assertThrows(IllegalArgumentException.class, () -> Keypair.fromSeed(new byte[31]));
    }

    /** RFC 8032 section 7.1, test 2: seed, public key, one-byte message 0x72, signature. */
    @Test
    void rfc8032TestVector() {
        final Keypair keypair = Keypair.fromSeed(hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertEquals(Pubkey.wrap(hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")),
            keypair.publicKey());
        final Signature signature = keypair.sign(new byte[] {0x72});
        assertArrayEquals(hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"), signature.toBytes());
        assertTrue(Keypair.verify(keypair.publicKey(), new byte[] {0x72}, signature));
        assertFalse(Keypair.verify(keypair.publicKey(), new byte[] {0x73}, signature));
    }

    @Test
    void signsAndVerifiesARange() {
        final Keypair keypair = Keypair.generate(new SecureRandom(new byte[] {7}));
        final byte[] buffer = "xxhello worldyy".getBytes(StandardCharsets.US_ASCII);
        final Signature signature = keypair.sign(buffer, 2, 11);
        assertEquals(signature, keypair.sign("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(Keypair.verify(keypair.publicKey(), buffer, 2, 11, signature));
        assertFalse(Keypair.verify(keypair.publicKey(), buffer, 2, 12, signature));
        assertFalse(Keypair.verify(Keypair.generate().publicKey(), buffer, 2, 11, signature));
        assertNotEquals(Keypair.generate().publicKey(), Keypair.generate().publicKey());
    }

    @Test
    void verifyNeverThrowsOnGarbage() {
        final Keypair keypair = Keypair.fromSeed(PubkeyTest.filled(1));
        final byte[] message = {1, 2, 3};
        final Signature good = keypair.sign(message);
        final Signature allOnes = Signature.wrap(filledBytes(64, 0xff));
        final Pubkey notAPoint = Pubkey.wrap(filledBytes(32, 0xff));
        assertFalse(Keypair.verify(keypair.publicKey(), message, allOnes));
        assertFalse(Keypair.verify(keypair.publicKey(), message, Signature.ZERO));
        assertFalse(Keypair.verify(notAPoint, message, good));
        assertFalse(Keypair.verify(Pubkey.SYSTEM_PROGRAM, message, good));
        assertFalse(Keypair.verify(keypair.publicKey(), message, -1, 2, good));
        assertFalse(Keypair.verify(keypair.publicKey(), message, 2, 5, good));
        assertFalse(Keypair.verify(keypair.publicKey(), message, 0, -1, good));
        assertFalse(Keypair.verify(keypair.publicKey(), message, Integer.MAX_VALUE, 2, good));
        assertFalse(Keypair.verify(null, message, good));
        assertFalse(Keypair.verify(keypair.publicKey(), null, good));
        assertFalse(Keypair.verify(keypair.publicKey(), message, null));
        assertTrue(Keypair.verify(keypair.publicKey(), message, good));
    }

    /**
     * With a small-order key (here the identity point) the "signature" R = identity, S = 0
     * satisfies the plain verification equation for every message; Solana's {@code verify_strict}
     * rejects such keys, and so must we.
     */
    @Test
    void rejectsTheSmallOrderKeyForgery() {
        final byte[] identity = new byte[32];
        identity[0] = 1;
        final byte[] forged = new byte[64];
        forged[0] = 1;
        assertFalse(Keypair.verify(Pubkey.wrap(identity), new byte[] {1, 2, 3}, Signature.wrap(forged)));
        assertFalse(Keypair.verify(Pubkey.wrap(identity), new byte[0], Signature.wrap(forged)));
    }

    @Test
    void jsonIsTheSolanaCliFormat() {
        final Keypair payer = Keypair.fromSeed(PubkeyTest.filled(1));
        final String json = payer.toJson();
        assertTrue(json.startsWith("[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,138,136,"), json);
        assertEquals(payer.publicKey(), Keypair.fromJson(json).publicKey());
        final String spaced = " [\n  " + json.substring(1, json.length() - 1).replace(",", ",\n  ") + "\n]\n";
        assertEquals(payer.publicKey(), Keypair.fromJson(spaced).publicKey());
    }

    @Test
    void fileRoundTripIsOwnerOnly(@TempDir final Path directory) throws IOException {
        final Keypair keypair = Keypair.generate();
        final Path file = directory.resolve("nested/dir/id.json");
        keypair.writeFile(file);
        assertEquals(keypair.toJson(), Files.readString(file));
        assertEquals(keypair.publicKey(), Keypair.readFile(file).publicKey());
        assertArrayEquals(keypair.seed(), Keypair.readFile(file).seed());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        final Keypair other = Keypair.generate();
        other.writeFile(file);
        assertEquals(other.publicKey(), Keypair.readFile(file).publicKey());
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void malformedFilesGiveClearErrors(@TempDir final Path directory) throws IOException {
        final String good = Keypair.fromSeed(PubkeyTest.filled(1)).toJson();
        final String body = good.substring(1, good.length() - 1);
        assertMalformed("", "expected a JSON array");
        assertMalformed("{}", "expected a JSON array");
        assertMalformed("[]", "the array is empty");
        assertMalformed("[1,2,3]", "the array has 3 numbers; expected 64");
        assertMalformed("[" + body + ",5]", "more than 64 numbers");
        assertMalformed("[" + body, "expected ',' or ']' after number 64");
        assertMalformed("[" + body + "]x", "unexpected text after the array");
        assertMalformed("[" + body.replaceFirst("1", "256") + "]", "element 0 is 256; expected an integer 0..255");
        assertMalformed("[" + body.replaceFirst("1", "-1") + "]", "element 0 is '-1'");
        assertMalformed("[" + body.replaceFirst("1", "1.0") + "]", "element 0 is '1.0'");
        assertMalformed("[" + body.replaceFirst("1", "01") + "]", "element 0 is '01'");
        assertMalformed("[" + body.replaceFirst("1", "\"1\"") + "]", "expected a number for element 0");
        assertMalformed("[" + body.replaceFirst(",1,", ",,") + "]", "expected a number for element 1");
        final String wrongKey = good.replaceFirst(",138,", ",139,");
        assertMalformed(wrongKey, "but the seed (bytes 0..31) derives AKnL4NNf3DGWZJS6cPknBuEGnVsV4A4m5tgebLHaRSZ9");

        final Path file = directory.resolve("bad.json");
        Files.writeString(file, "[1,2]");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Keypair.readFile(file));
        assertTrue(error.getMessage().startsWith("invalid keypair file " + file + ": "), error.getMessage());
        assertThrows(IOException.class, () -> Keypair.readFile(directory.resolve("missing.json")));
    }

    private static void assertMalformed(final String json, final String expectedReason) {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Keypair.fromJson(json));
        assertTrue(error.getMessage().contains(expectedReason), () -> "message: " + error.getMessage());
    }

    static byte[] hex(final String text) {
        final byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static byte[] filledBytes(final int length, final int value) {
        final byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
