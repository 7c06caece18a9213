package io.lanes.runtime.exec;

import io.lanes.sdk.Signature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The duplicate-signature cache: exact answers through growth, prefix collisions and generations. */
class StatusCacheTest {
    private static Signature signature(final SplittableRandom random) {
        final byte[] bytes = new byte[Signature.LENGTH];
        random.nextBytes(bytes);
        return Signature.wrap(bytes);
    }

    /** A signature with the given first 8 bytes (as a big-endian long) and random others. */
    private static Signature withPrefix(final long prefix, final SplittableRandom random) {
        final byte[] bytes = new byte[Signature.LENGTH];
        random.nextBytes(bytes);
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (prefix >>> (56 - 8 * i));
        }
        return Signature.wrap(bytes);
    }

    @Test
    void everyAddedSignatureIsADuplicateThroughGrowth() {
        final StatusCache cache = new StatusCache();
        final SplittableRandom random = new SplittableRandom(3);
        final List<Signature> added = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            final Signature signature = signature(random);
            assertTrue(cache.add(signature, 1));
            added.add(signature);
        }
        assertEquals(200_000, cache.size());
        for (final Signature signature : added) {
            assertFalse(cache.add(signature, 1), "a resend is a duplicate");
        }
        for (int i = 0; i < 10_000; i++) {
            assertFalse(cache.contains(signature(random)));
        }
    }

    @Test
    void signaturesSharingTheirPrefixAreToldApart() {
        final StatusCache cache = new StatusCache();
        final SplittableRandom random = new SplittableRandom(5);
        for (final long prefix : new long[] {0, 1, 0, 1, 42, 42, -1}) {
            final Signature signature = withPrefix(prefix, random);
            assertFalse(cache.contains(signature));
            assertTrue(cache.add(signature, 1), "prefix " + prefix);
            assertFalse(cache.add(signature, 1));
            assertTrue(cache.contains(signature));
        }
        assertEquals(7, cache.size());
    }

    @Test
    void aSignatureIsRememberedForAtLeast150SlotsAndForgottenAfter300() {
        final StatusCache cache = new StatusCache();
        final Signature signature = signature(new SplittableRandom(9));
        assertTrue(cache.add(signature, 0));
        for (long slot = 1; slot <= 150; slot++) {
            cache.onSlot(slot);
            assertTrue(cache.contains(signature), "slot " + slot);
        }
        for (long slot = 151; slot <= 300; slot++) {
            cache.onSlot(slot);
        }
        assertFalse(cache.contains(signature), "both generations turned over");
        assertTrue(cache.add(signature, 300), "it may be added again");
    }
}
