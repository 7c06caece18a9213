package io.lanes.runtime.ingest;

import io.lanes.runtime.ingest.EdwardsMath.Point;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every verifier against the Solana JS SDK's vectors and against the inputs that separate strict
 * from permissive Ed25519: flipped bits, small-order keys and nonces, non-canonical S, mixed-order
 * R and keys. libsodium cases are skipped where the library is not installed.
 */
class Ed25519VerifierTest {
    private static final byte[] MESSAGE = "lanes strict ed25519".getBytes(StandardCharsets.UTF_8);
    private static final Ed25519Verifier SODIUM = Ed25519Verifiers.sodiumOrNull();

    static List<String> verifiers() {
        return List.of("bouncycastle", "libsodium");
    }

    private static Ed25519Verifier verifier(final String name) {
        if (name.equals("libsodium")) {
            assumeTrue(SODIUM != null, "libsodium is not installed (Debian package libsodium23)");
            return SODIUM;
        }
        return new BouncyCastleEd25519Verifier();
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void everySignatureOfEveryVectorVerifies(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final SignatureBatch batch = new SignatureBatch(64);
        for (final Map.Entry<String, Transaction> vector : Vectors.transactions().entrySet()) {
            final Transaction transaction = vector.getValue();
            final byte[] message = transaction.message().serialized();
            for (int i = 0; i < transaction.signatureCount(); i++) {
                final Pubkey key = transaction.message().accountKey(i);
                assertTrue(verifier.verify(key, message, 0, message.length, transaction.signature(i)),
                    vector.getKey() + " signature " + i);
                batch.add(key, message, 0, message.length, transaction.signature(i));
            }
        }
        assertEquals(batch.size(), verifier.verifyBatch(batch), "batch verification of all vector signatures");
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void everyFlippedSignatureBitIsRejected(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        for (final Map.Entry<String, Transaction> vector : Vectors.transactions().entrySet()) {
            final Transaction transaction = vector.getValue();
            final byte[] message = transaction.message().serialized();
            final Pubkey key = transaction.message().accountKey(0);
            final byte[] signature = transaction.signature(0).toBytes();
            for (int bit = 0; bit < 8 * Signature.LENGTH; bit++) {
                final Signature flipped = Signature.wrap(flip(signature, bit));
                assertFalse(verifier.verify(key, message, 0, message.length, flipped), vector.getKey() + " bit " + bit);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void flippedMessageAndKeyBitsAreRejected(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final Random random = new Random(7);
        for (final Map.Entry<String, Transaction> vector : Vectors.transactions().entrySet()) {
            final Transaction transaction = vector.getValue();
            final byte[] message = transaction.message().serialized();
            final Pubkey key = transaction.message().accountKey(0);
            final Signature signature = transaction.signature(0);
            for (int i = 0; i < 16; i++) {
                final byte[] badMessage = flip(message, random.nextInt(8 * message.length));
                assertFalse(verifier.verify(key, badMessage, 0, badMessage.length, signature), vector.getKey() + " message");
                final Pubkey badKey = Pubkey.wrap(flip(key.toBytes(), random.nextInt(8 * Pubkey.LENGTH)));
                assertFalse(verifier.verify(badKey, message, 0, message.length, signature), vector.getKey() + " key");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void malformedArgumentsGiveFalse(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final Keypair keypair = Vectors.keypair(1);
        final Signature signature = keypair.sign(MESSAGE);
        assertTrue(verifier.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length, signature));
        assertFalse(verifier.verify(null, MESSAGE, 0, MESSAGE.length, signature));
        assertFalse(verifier.verify(keypair.publicKey(), null, 0, 0, signature));
        assertFalse(verifier.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length, null));
        assertFalse(verifier.verify(keypair.publicKey(), MESSAGE, 1, MESSAGE.length, signature));
        assertFalse(verifier.verify(keypair.publicKey(), MESSAGE, -1, 2, signature));
        assertFalse(verifier.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length - 1, signature));
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void messagesLongerThanAWireTransactionVerify(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final Keypair keypair = Vectors.keypair(2);
        final byte[] longMessage = new byte[10_000];
        new Random(1).nextBytes(longMessage);
        final Signature signature = keypair.sign(longMessage, 3, 9_000);
        assertTrue(verifier.verify(keypair.publicKey(), longMessage, 3, 9_000, signature));
        assertFalse(verifier.verify(keypair.publicKey(), longMessage, 4, 9_000, signature));
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void smallOrderKeysAreRejectedThoughTheEquationHolds(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final byte[] identity = EdwardsMath.encode(EdwardsMath.IDENTITY);
        for (final Point torsion : torsionPoints()) {
            final byte[] key = EdwardsMath.encode(torsion);
            // R = identity, S = 0: [0]B = identity = R + [k]A holds exactly when [k]A is the identity.
            final byte[] signature = EdwardsMath.concat(identity, new byte[32]);
            final BigInteger k = EdwardsMath.challenge(identity, key, MESSAGE);
            final boolean equationHolds = EdwardsMath.multiply(torsion, k).equals(EdwardsMath.IDENTITY);
            assertFalse(verifier.verify(Pubkey.wrap(key), MESSAGE, 0, MESSAGE.length, Signature.wrap(signature)),
                "small-order key " + torsion + " (cofactorless equation holds: " + equationHolds + ")");
        }
        assertFalse(verifier.verify(Pubkey.wrap(identity), MESSAGE, 0, MESSAGE.length,
            Signature.wrap(EdwardsMath.concat(identity, new byte[32]))));
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void smallOrderNonceIsRejectedThoughTheEquationHolds(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final byte[] seed = new byte[32];
        seed[0] = 9;
        final Keypair keypair = Keypair.fromSeed(seed);
        final BigInteger a = EdwardsMath.secretScalar(seed);
        final byte[] key = keypair.publicKey().toBytes();
        final byte[] honest = EdwardsMath.sign(a, key, BigInteger.valueOf(12345), EdwardsMath.IDENTITY, MESSAGE);
        assertTrue(verifier.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length, Signature.wrap(honest)),
            "the test's own signing agrees with RFC 8032");
        for (final Point torsion : torsionPoints()) {
            // r = 0: R is the torsion point itself (small order); with R = identity the equation holds.
            final byte[] signature = EdwardsMath.sign(a, key, BigInteger.ZERO, torsion, MESSAGE);
            assertFalse(verifier.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length, Signature.wrap(signature)),
                "small-order R " + torsion);
        }
    }

    /**
     * R = [r]B + T with T of small order: the cofactored equation holds, the cofactorless one
     * (libsodium, Solana's verify_strict) does not. BouncyCastle checks a cofactored-style
     * equation and may accept these: a documented difference of the fallback (only the key's
     * owner can make such a signature; see runtime/README.md).
     */
    @Test
    void libsodiumRejectsNoncesWithATorsionComponent() {
        assumeTrue(SODIUM != null, "libsodium is not installed");
        final byte[] seed = new byte[32];
        seed[0] = 10;
        final Keypair keypair = Keypair.fromSeed(seed);
        final BigInteger a = EdwardsMath.secretScalar(seed);
        final Point eight = EdwardsMath.orderEightPoint();
        for (int t = 1; t < 8; t++) {
            final byte[] signature = EdwardsMath.sign(a, keypair.publicKey().toBytes(), BigInteger.valueOf(1000 + t),
                EdwardsMath.multiply(eight, BigInteger.valueOf(t)), MESSAGE);
            assertFalse(SODIUM.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length, Signature.wrap(signature)),
                "R with torsion [" + t + "]T8");
        }
        final byte[] honest = EdwardsMath.sign(a, keypair.publicKey().toBytes(), BigInteger.valueOf(1000), EdwardsMath.IDENTITY, MESSAGE);
        assertTrue(SODIUM.verify(keypair.publicKey(), MESSAGE, 0, MESSAGE.length, Signature.wrap(honest)));
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void nonCanonicalScalarIsRejected(final String name) {
        final Ed25519Verifier verifier = verifier(name);
        final Transaction transaction = Vectors.transactions().values().iterator().next();
        final byte[] message = transaction.message().serialized();
        final byte[] signature = transaction.signature(0).toBytes();
        final BigInteger s = EdwardsMath.fromLittleEndian(java.util.Arrays.copyOfRange(signature, 32, 64));
        final byte[] sPlusL = EdwardsMath.littleEndian(s.add(EdwardsMath.L), 32);
        System.arraycopy(sPlusL, 0, signature, 32, 32);
        assertFalse(verifier.verify(transaction.message().accountKey(0), message, 0, message.length, Signature.wrap(signature)));
    }

    /**
     * A key A' = [a]B + T with T of order 8 is accepted (it is not of small order and is
     * canonical) whenever the cofactorless equation holds, i.e. when [k]T is the identity.
     * libsodium and Solana's verify_strict follow that equation exactly.
     */
    @Test
    void libsodiumFollowsTheCofactorlessEquationForMixedOrderKeys() {
        assumeTrue(SODIUM != null, "libsodium is not installed");
        final List<MixedKeyCase> cases = mixedOrderKeyCases();
        for (final MixedKeyCase c : cases) {
            assertEquals(c.cofactorlessHolds, SODIUM.verify(c.key, MESSAGE, 0, MESSAGE.length, c.signature), c.toString());
        }
    }

    /**
     * BouncyCastle accepts at least what the cofactorless equation accepts on mixed-order keys
     * (it may accept more: the documented difference of the fallback).
     */
    @Test
    void bouncyCastleAcceptsMixedOrderKeySignaturesTheCofactorlessEquationAccepts() {
        final BouncyCastleEd25519Verifier bc = new BouncyCastleEd25519Verifier();
        for (final MixedKeyCase c : mixedOrderKeyCases()) {
            if (c.cofactorlessHolds) {
                assertTrue(bc.verify(c.key, MESSAGE, 0, MESSAGE.length, c.signature), c.toString());
            }
        }
    }

    @Test
    void smallOrderListIsExactlyTheTorsionPointsAndTheirNonCanonicalForms() {
        for (final Point torsion : torsionPoints()) {
            final byte[] encoding = EdwardsMath.encode(torsion);
            assertTrue(Ed25519Encodings.hasSmallOrder(encoding, 0), torsion.toString());
            encoding[31] ^= (byte) 0x80;
            assertTrue(Ed25519Encodings.hasSmallOrder(encoding, 0), "sign bit flipped " + torsion);
        }
        for (final BigInteger y : new BigInteger[] {EdwardsMath.P, EdwardsMath.P.add(BigInteger.ONE)}) {
            assertTrue(Ed25519Encodings.hasSmallOrder(EdwardsMath.littleEndian(y, 32), 0), "non-canonical " + y);
        }
        for (int seed = 1; seed <= 10; seed++) {
            assertFalse(Ed25519Encodings.hasSmallOrder(Vectors.keypair(seed).publicKey().toBytes(), 0));
        }
        assertFalse(Ed25519Encodings.hasSmallOrder(EdwardsMath.encode(EdwardsMath.orderEightPointPlusBase()), 0));
    }

    @Test
    void canonicalEncodingsAreThoseBelowP() {
        final BigInteger p = EdwardsMath.P;
        for (final BigInteger y : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE)}) {
            assertTrue(Ed25519Encodings.isCanonical(EdwardsMath.littleEndian(y, 32), 0), y.toString());
        }
        for (int i = 0; i < 19; i++) {
            final byte[] encoding = EdwardsMath.littleEndian(p.add(BigInteger.valueOf(i)), 32);
            assertFalse(Ed25519Encodings.isCanonical(encoding, 0), "p + " + i);
            encoding[31] |= (byte) 0x80;
            assertFalse(Ed25519Encodings.isCanonical(encoding, 0), "p + " + i + " with sign bit");
        }
    }

    @Test
    void bothVerifiersAgreeOnRandomGarbage() {
        assumeTrue(SODIUM != null, "libsodium is not installed");
        final BouncyCastleEd25519Verifier bc = new BouncyCastleEd25519Verifier();
        final Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            final byte[] key = new byte[32];
            final byte[] signature = new byte[64];
            random.nextBytes(key);
            random.nextBytes(signature);
            signature[63] &= 0x0f;
            assertFalse(bc.verify(Pubkey.wrap(key), MESSAGE, 0, MESSAGE.length, Signature.wrap(signature)));
            assertFalse(SODIUM.verify(Pubkey.wrap(key), MESSAGE, 0, MESSAGE.length, Signature.wrap(signature)));
        }
    }

    /** The eight points of order dividing 8. */
    private static List<Point> torsionPoints() {
        final Point eight = EdwardsMath.orderEightPoint();
        final List<Point> points = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            points.add(EdwardsMath.multiply(eight, BigInteger.valueOf(i)));
        }
        return points;
    }

    record MixedKeyCase(Pubkey key, Signature signature, BigInteger k, boolean cofactorlessHolds) {
        @Override
        public String toString() {
            return "mixed-order key, k mod 8 = " + k.mod(BigInteger.valueOf(8)) + ", cofactorless holds " + cofactorlessHolds;
        }
    }

    /** Signatures under A' = [a]B + T8 with nonces chosen until both k mod 8 == 0 and != 0 occur. */
    private static List<MixedKeyCase> mixedOrderKeyCases() {
        final byte[] seed = new byte[32];
        seed[0] = 11;
        final BigInteger a = EdwardsMath.secretScalar(seed);
        final Point mixedKey = EdwardsMath.add(EdwardsMath.multiply(EdwardsMath.BASE, a), EdwardsMath.orderEightPoint());
        final byte[] key = EdwardsMath.encode(mixedKey);
        final List<MixedKeyCase> cases = new ArrayList<>();
        int holding = 0;
        for (int r = 1; r < 400 && (holding < 2 || cases.size() - holding < 2); r++) {
            final byte[] signature = EdwardsMath.sign(a, key, BigInteger.valueOf(r), EdwardsMath.IDENTITY, MESSAGE);
            final BigInteger k = EdwardsMath.challenge(java.util.Arrays.copyOf(signature, 32), key, MESSAGE);
            final boolean holds = k.mod(BigInteger.valueOf(8)).signum() == 0;
            if (holds || cases.size() - holding < 2) {
                cases.add(new MixedKeyCase(Pubkey.wrap(key), Signature.wrap(signature), k, holds));
                holding += holds ? 1 : 0;
            }
        }
        assertTrue(holding >= 2, "found nonces with k = 0 mod 8");
        return cases;
    }

    private static byte[] flip(final byte[] bytes, final int bit) {
        final byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
