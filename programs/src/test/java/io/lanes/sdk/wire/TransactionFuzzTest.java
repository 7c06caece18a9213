package io.lanes.sdk.wire;

import io.lanes.sdk.CompactU16;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random inputs and mutations of the vectors into the decoder: only
 * {@link WireFormatException} may escape, the whole run finishes well inside its time bound, and
 * every input that decodes re-encodes to exactly itself (the format is canonical).
 */
class TransactionFuzzTest {
    private static final int INPUTS = 200_000;
    private static final long SEED = 0x5EA1E7E1L;
    private static final int STRATEGIES = 9;
    /** Signature verification is slow next to decoding; it runs on every 128th decoded input. */
    private static final int VERIFY_EVERY = 128;

    private final List<byte[]> seeds = Vectors.all().stream().map(Vectors.Vector::wire).collect(Collectors.toList());
    private final Random random = new Random(SEED);
    private final int[] decodedByStrategy = new int[STRATEGIES];
    private final int[] rejectedByStrategy = new int[STRATEGIES];

    @Test
    void decoderSurvivesHostileInput() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < INPUTS; i++) {
                final int strategy = i % STRATEGIES;
                final boolean decoded = strategy == 8 ? checkWindow() : check(mutate(strategy));
                (decoded ? decodedByStrategy : rejectedByStrategy)[strategy]++;
            }
        });
        final String counts = "decoded " + Arrays.toString(decodedByStrategy) + ", rejected " + Arrays.toString(rejectedByStrategy);
        for (int strategy = 1; strategy < STRATEGIES; strategy++) {
            assertTrue(rejectedByStrategy[strategy] > 100, "strategy " + strategy + " reaches the error paths: " + counts);
        }
        for (final int strategy : new int[] {1, 5, 6, 8}) {
            assertTrue(decodedByStrategy[strategy] > 1000, "strategy " + strategy + " often decodes: " + counts);
        }
        for (final int strategy : new int[] {3, 4, 7}) {
            assertTrue(decodedByStrategy[strategy] > 10, "strategy " + strategy + " sometimes decodes: " + counts);
        }
        assertEquals(0, decodedByStrategy[2], "a strict prefix of a transaction never decodes: " + counts);
    }

    private byte[] mutate(final int strategy) {
        final byte[] seed = seeds.get(random.nextInt(seeds.size()));
        switch (strategy) {
            case 0:
                return randomBytes(random.nextInt(Transaction.MAX_WIRE_LENGTH + 80));
            case 1:
                return flipBits(seed, 1 + random.nextInt(4));
            case 2:
                return Arrays.copyOf(seed, random.nextInt(seed.length));
            case 3:
                return insert(seed, random.nextInt(seed.length + 1), randomBytes(1 + random.nextInt(8)));
            case 4:
                return delete(seed, 1 + random.nextInt(8));
            case 5:
                return corruptLength(seed);
            case 6:
                return setBytes(seed, 1 + random.nextInt(3));
            case 7:
                return splice(seed, seeds.get(random.nextInt(seeds.size())));
            default:
                throw new AssertionError(strategy);
        }
    }

    /** Decodes; true if it decoded (and then round-tripped), false if rejected with WireFormatException. */
    private boolean check(final byte[] input) {
        final Transaction transaction;
        try {
            transaction = TransactionCodec.decode(input);
        } catch (final WireFormatException rejected) {
            assertTrue(rejected.getMessage() != null && !rejected.getMessage().isEmpty());
            return false;
        } catch (final Throwable other) {
            throw new AssertionError("decode threw " + other + " for " + HexFormat.of().formatHex(input), other);
        }
        checkDecoded(transaction, input);
        return true;
    }

    private void checkDecoded(final Transaction transaction, final byte[] input) {
        try {
            if (!Arrays.equals(input, TransactionCodec.encode(transaction))) {
                throw new AssertionError("round trip changed " + HexFormat.of().formatHex(input));
            }
            final byte[] message = transaction.message().serialized();
            if (!Arrays.equals(message, TransactionCodec.encodeMessage(TransactionCodec.decodeMessage(message)))) {
                throw new AssertionError("message round trip changed " + HexFormat.of().formatHex(message));
            }
            Sanitizer.sanitize(transaction);
            if (Arrays.stream(decodedByStrategy).sum() % VERIFY_EVERY == 0) {
                Sanitizer.verifySignatures(transaction);
            }
        } catch (final AssertionError failure) {
            throw failure;
        } catch (final Throwable other) {
            throw new AssertionError("after decoding, " + other + " for " + HexFormat.of().formatHex(input), other);
        }
    }

    /** A vector placed at a random offset of random bytes, decoded through a window that may be off by a little. */
    private boolean checkWindow() {
        final byte[] seed = seeds.get(random.nextInt(seeds.size()));
        final int offset = random.nextInt(40);
        final byte[] buffer = randomBytes(offset + seed.length + random.nextInt(40));
        System.arraycopy(seed, 0, buffer, offset, seed.length);
        final int skew = random.nextInt(4) == 0 ? random.nextInt(5) - 2 : 0;
        final int start = Math.max(0, offset + skew);
        final int length = Math.min(buffer.length - start, seed.length + (random.nextBoolean() ? 0 : random.nextInt(5) - 2));
        try {
            final Transaction transaction = TransactionCodec.decode(buffer, start, length);
            checkDecoded(transaction, Arrays.copyOfRange(buffer, start, start + length));
            return true;
        } catch (final WireFormatException rejected) {
            return false;
        } catch (final AssertionError failure) {
            throw failure;
        } catch (final Throwable other) {
            throw new AssertionError("decode(buffer, " + start + ", " + length + ") threw " + other, other);
        }
    }

    private byte[] randomBytes(final int length) {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] flipBits(final byte[] seed, final int count) {
        final byte[] mutated = seed.clone();
        for (int i = 0; i < count; i++) {
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return mutated;
    }

    private byte[] setBytes(final byte[] seed, final int count) {
        final byte[] mutated = seed.clone();
        for (int i = 0; i < count; i++) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        return mutated;
    }

    private static byte[] insert(final byte[] seed, final int at, final byte[] inserted) {
        final byte[] result = new byte[seed.length + inserted.length];
        System.arraycopy(seed, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(seed, at, result, at + inserted.length, seed.length - at);
        return result;
    }

    private byte[] delete(final byte[] seed, final int count) {
        final int at = random.nextInt(seed.length - count);
        final byte[] result = new byte[seed.length - count];
        System.arraycopy(seed, 0, result, 0, at);
        System.arraycopy(seed, at + count, result, at, seed.length - at - count);
        return result;
    }

    /**
     * Overwrites the bytes at a random position (biased to the front, where the counts are) with a
     * compact-u16: a small or extreme value, or a non-canonical, overlong or overflowing spelling.
     */
    private byte[] corruptLength(final byte[] seed) {
        final byte[][] spellings = {
            CompactU16.encode(random.nextInt(8)), CompactU16.encode(random.nextInt(0x80)),
            CompactU16.encode(0x80 + random.nextInt(0x3f80)), CompactU16.encode(CompactU16.MAX_VALUE),
            {(byte) 0x80, 0x00}, {(byte) 0x81, (byte) 0x80, 0x00}, {(byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xff, (byte) 0xff, 0x04}, {(byte) 0xff},
        };
        final byte[] spelling = spellings[random.nextInt(spellings.length)];
        final int limit = random.nextBoolean() ? Math.min(seed.length, 110) : seed.length;
        final int at = random.nextInt(limit);
        final byte[] mutated = seed.clone();
        System.arraycopy(spelling, 0, mutated, at, Math.min(spelling.length, mutated.length - at));
        return mutated;
    }

    private byte[] splice(final byte[] first, final byte[] second) {
        final int head = random.nextInt(first.length + 1);
        final int tail = random.nextInt(second.length + 1);
        final byte[] result = Arrays.copyOf(first, head + second.length - tail);
        System.arraycopy(second, tail, result, head, second.length - tail);
        return result;
    }
}
