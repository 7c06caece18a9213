package io.lanes.bench.run;

import io.lanes.runtime.ingest.BouncyCastleEd25519Verifier;
import io.lanes.runtime.ingest.Ed25519Verifier;
import io.lanes.runtime.ingest.Ed25519Verifiers;
import io.lanes.runtime.ingest.SignatureBatch;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ed25519 verifications per second on one thread, for each verifier that loads here (BouncyCastle
 * always, libsodium where its native library is found), as the sigverify agents run them: batches
 * of {@value #BATCH_SIGNATURES} through {@link Ed25519Verifier#verifyBatch}. Inputs: {@value #KEYS}
 * keys, each with a signed {@value #MESSAGE_BYTES}-byte message (a System transfer's message is
 * about 150-250 bytes). A warm-up of half the measuring time comes first. Per core = per second of
 * the thread's CPU time, so other processes on the machine do not lower it; per wall second is
 * reported too. Every verification must succeed: a verifier that rejects a valid signature fails
 * the measurement.
 */
public final class VerifierBenchmark {
    static final int BATCH_SIGNATURES = 64;
    static final int KEYS = 256;
    static final int MESSAGE_BYTES = 200;

    /**
     * @param verifier       its name, e.g. "libsodium"
     * @param perCpuSecond   verifications per second of the thread's CPU time: per core
     * @param perWallSecond  verifications per second of elapsed time
     * @param verifications  how many were timed
     */
    public record Result(String verifier, double perCpuSecond, double perWallSecond, long verifications) {
    }

    private final Pubkey[] keys = new Pubkey[KEYS];
    private final byte[][] messages = new byte[KEYS][];
    private final Signature[] signatures = new Signature[KEYS];

    /** Signs the inputs (deterministic for the seed). */
    public VerifierBenchmark(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < KEYS; i++) {
            final byte[] keySeed = new byte[Keypair.SEED_LENGTH];
            random.nextBytes(keySeed);
            final Keypair keypair = Keypair.fromSeed(keySeed);
            messages[i] = new byte[MESSAGE_BYTES];
            random.nextBytes(messages[i]);
            keys[i] = keypair.publicKey();
            signatures[i] = keypair.sign(messages[i]);
        }
    }

    /** The verifiers that load in this JVM: BouncyCastle, and libsodium if its library is found. */
    public static List<Ed25519Verifier> available() {
        final List<Ed25519Verifier> verifiers = new ArrayList<>();
        final Ed25519Verifier sodium = Ed25519Verifiers.sodiumOrNull();
        if (sodium != null) {
            verifiers.add(sodium);
        }
        verifiers.add(new BouncyCastleEd25519Verifier());
        return verifiers;
    }

    /** Measures each verifier for about {@code millisEach} after a warm-up of half that. */
    public List<Result> measureAll(final List<Ed25519Verifier> verifiers, final long millisEach) {
        final List<Result> results = new ArrayList<>();
        for (final Ed25519Verifier verifier : verifiers) {
            measure(verifier, millisEach / 2);
            results.add(measure(verifier, millisEach));
        }
        return results;
    }

    private Result measure(final Ed25519Verifier verifier, final long millis) {
        final SignatureBatch batch = new SignatureBatch(BATCH_SIGNATURES);
        final long cpuStartNanos = ThreadCpu.currentThreadNanos();
        final long startNanos = System.nanoTime();
        final long endNanos = startNanos + millis * 1_000_000;
        long verifications = 0;
        int next = 0;
        while (System.nanoTime() < endNanos) {
            batch.clear();
            for (int i = 0; i < BATCH_SIGNATURES; i++, next = (next + 1) % KEYS) {
                batch.add(keys[next], messages[next], 0, MESSAGE_BYTES, signatures[next]);
            }
            if (verifier.verifyBatch(batch) != BATCH_SIGNATURES) {
                throw new IllegalStateException(verifier.name() + " rejected a valid signature");
            }
            verifications += BATCH_SIGNATURES;
        }
        final long wallNanos = System.nanoTime() - startNanos;
        final long cpuNanos = ThreadCpu.currentThreadNanos() - cpuStartNanos;
        return new Result(verifier.name(), cpuStartNanos < 0 ? 0 : verifications * 1e9 / Math.max(1, cpuNanos),
            verifications * 1e9 / Math.max(1, wallNanos), verifications);
    }
}
