package io.lanes.runtime.ingest;

import io.lanes.sdk.Signature;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The duplicate pre-filter of the sigverify stage. */
class SigVerifyRecentSignaturesTest {
    @Test
    void remembersExactSignaturesOnly() {
        final RecentSignatures recent = new RecentSignatures(1024);
        final Signature signature = random(new Random(1));
        assertFalse(recent.contains(signature));
        recent.add(signature);
        assertTrue(recent.contains(signature));
        for (int bit = 0; bit < 8 * Signature.LENGTH; bit++) {
            final byte[] bytes = signature.toBytes();
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(recent.contains(Signature.wrap(bytes)), "bit " + bit);
        }
    }

    @Test
    void isBoundedAndForgetsOldEntries() {
        final RecentSignatures recent = new RecentSignatures(64);
        final Random random = new Random(2);
        final Signature first = random(random);
        recent.add(first);
        for (int i = 0; i < 10_000; i++) {
            recent.add(random(random));
        }
        assertFalse(recent.contains(first), "64 slots cannot keep the first of 10,001 signatures");
    }

    @Test
    void zeroCapacityTurnsTheFilterOff() {
        final RecentSignatures recent = new RecentSignatures(0);
        final Signature signature = random(new Random(3));
        recent.add(signature);
        assertFalse(recent.contains(signature));
        assertFalse(recent.contains(Signature.ZERO));
    }

    private static Signature random(final Random random) {
        final byte[] bytes = new byte[Signature.LENGTH];
        random.nextBytes(bytes);
        return Signature.wrap(bytes);
    }
}
