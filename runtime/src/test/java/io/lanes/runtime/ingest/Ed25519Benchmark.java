package io.lanes.runtime.ingest;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import io.lanes.runtime.testing.Vectors;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.Transaction;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Side-by-side Ed25519 verification throughput per core (per second of the thread's CPU time), in one JVM: every variant runs once
 * per repetition, interleaved, and the table shows the median (and min-max) over repetitions after
 * a warm-up repetition. Inputs: the vectors' signatures plus signatures by 256 random keys over
 * 250-byte messages (a typical transfer message is 150-250 bytes).
 *
 * <pre>
 * java -cp ... io.lanes.runtime.ingest.Ed25519Benchmark [repetitions=5] [millisPerVariant=1000]
 * </pre>
 */
public final class Ed25519Benchmark {
    private static final int SIGNED_MESSAGE_BYTES = 250;
    private static final int RANDOM_KEYS = 256;
    private static final int BATCH_CAPACITY = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Pubkey> keys = new ArrayList<>();
    private final List<byte[]> messages = new ArrayList<>();
    private final List<Signature> signatures = new ArrayList<>();

    private Ed25519Benchmark() {
        for (final Transaction transaction : Vectors.transactions().values()) {
            for (int i = 0; i < transaction.signatureCount(); i++) {
                add(transaction.message().accountKey(i), transaction.message().serialized(), transaction.signature(i));
            }
        }
        final Random random = new Random(42);
        for (int i = 0; i < RANDOM_KEYS; i++) {
            final byte[] seed = new byte[Keypair.SEED_LENGTH];
            random.nextBytes(seed);
            final Keypair keypair = Keypair.fromSeed(seed);
            final byte[] message = new byte[SIGNED_MESSAGE_BYTES];
            random.nextBytes(message);
            add(keypair.publicKey(), message, keypair.sign(message));
        }
    }

    public static void main(final String[] args) {
        final int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final long millisPerVariant = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        new Ed25519Benchmark().run(repetitions, millisPerVariant);
    }

    private void add(final Pubkey key, final byte[] message, final Signature signature) {
        keys.add(key);
        messages.add(message);
        signatures.add(signature);
    }

    private void run(final int repetitions, final long millisPerVariant) {
        final Map<String, IntPredicate> variants = variants();
        final Map<String, double[]> perSecond = new LinkedHashMap<>();
        variants.keySet().forEach(name -> perSecond.put(name, new double[repetitions]));
        System.out.printf("warm-up: %d variants, %d signatures, %d ms each%n", variants.size(), keys.size(), millisPerVariant);
        variants.forEach((name, variant) -> measure(variant, millisPerVariant));
        for (int rep = 0; rep < repetitions; rep++) {
            for (final Map.Entry<String, IntPredicate> variant : variants.entrySet()) {
                perSecond.get(variant.getKey())[rep] = measure(variant.getValue(), millisPerVariant);
            }
        }
        printTable(perSecond, repetitions, millisPerVariant);
    }

    private Map<String, IntPredicate> variants() {
        final Map<String, IntPredicate> variants = new LinkedHashMap<>();
        final BouncyCastleEd25519Verifier bc = new BouncyCastleEd25519Verifier();
        variants.put("BouncyCastle 1.87, raw Ed25519.verify (no small-order checks)", this::verifyBouncyCastleRaw);
        variants.put("BouncyCastle verifier, single", i -> verifyOne(bc, i));
        variants.put("BouncyCastle verifier, batch loop of " + BATCH_CAPACITY, batchLoop(bc));
        final SodiumEd25519Verifier sodium = sodiumOrNull();
        if (sodium != null) {
            variants.put("libsodium 1.0.18 via JNA direct, single (pointer scratch)", i -> verifyOne(sodium, i));
            variants.put("libsodium via JNA direct, batch loop of " + BATCH_CAPACITY, batchLoop(sodium));
            final SodiumArrays arrays = new SodiumArrays(sodium.libraryFile());
            variants.put("libsodium via JNA direct, byte[] arguments", i -> arrays.verify(keys.get(i), messages.get(i), signatures.get(i)));
            final SodiumInterface proxy = Native.load(sodium.libraryFile(), SodiumInterface.class);
            variants.put("libsodium via JNA interface (proxy) mapping", i -> verifyProxy(proxy, i));
            variants.put("JNA direct call overhead: sodium_library_version_major()", i -> SodiumArrays.sodium_library_version_major() > 0);
        } else {
            System.out.println("libsodium not available: native rows skipped");
        }
        return variants;
    }

    private boolean verifyBouncyCastleRaw(final int index) {
        final byte[] message = messages.get(index);
        return Keypair.verify(keys.get(index), message, 0, message.length, signatures.get(index));
    }

    private boolean verifyOne(final Ed25519Verifier verifier, final int index) {
        final byte[] message = messages.get(index);
        return verifier.verify(keys.get(index), message, 0, message.length, signatures.get(index));
    }

    private boolean verifyProxy(final SodiumInterface proxy, final int index) {
        final byte[] message = messages.get(index);
        return proxy.crypto_sign_verify_detached(signatures.get(index).toBytes(), message, message.length,
            keys.get(index).toBytes()) == 0;
    }

    /** A variant that fills a batch of BATCH_CAPACITY and verifies it when index hits a batch boundary. */
    private IntPredicate batchLoop(final Ed25519Verifier verifier) {
        final SignatureBatch batch = new SignatureBatch(BATCH_CAPACITY);
        return index -> {
            final byte[] message = messages.get(index);
            batch.add(keys.get(index), message, 0, message.length, signatures.get(index));
            if (batch.remaining() == 0) {
                final int valid = verifier.verifyBatch(batch);
                final boolean allValid = valid == batch.size();
                batch.clear();
                return allValid;
            }
            return true;
        };
    }

    /**
     * Verifications per second of this thread's CPU time, over about {@code millis} ms of CPU time:
     * the machine is shared, so wall time would count other processes' time slices. Fails loudly
     * if any verification fails.
     */
    private double measure(final IntPredicate variant, final long millis) {
        final long budgetNanos = millis * 1_000_000;
        final long startCpuNanos = THREADS.getCurrentThreadCpuTime();
        long count = 0;
        long usedNanos;
        do {
            for (int i = 0; i < keys.size(); i++) {
                if (!variant.test(i)) {
                    throw new AssertionError("a valid signature failed to verify at index " + i);
                }
            }
            count += keys.size();
            usedNanos = THREADS.getCurrentThreadCpuTime() - startCpuNanos;
        } while (usedNanos < budgetNanos);
        return count * 1e9 / usedNanos;
    }

    private static void printTable(final Map<String, double[]> perSecond, final int repetitions, final long millis) {
        System.out.printf("%nEd25519 verifications per second of one thread's CPU time (per core); median (min-max) of %d repetitions of %d ms CPU each%n",
            repetitions, millis);
        System.out.printf("JVM %s, %d cores available%n%n", System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        System.out.println("| variant | verifications/s | us per verification |");
        System.out.println("|---|---|---|");
        perSecond.forEach((name, values) -> {
            final double[] sorted = values.clone();
            Arrays.sort(sorted);
            final double median = sorted[sorted.length / 2];
            System.out.printf("| %s | %,.0f (%,.0f-%,.0f) | %.2f |%n", name, median, sorted[0], sorted[sorted.length - 1],
                1e6 / median);
        });
    }

    private static SodiumEd25519Verifier sodiumOrNull() {
        try {
            return SodiumEd25519Verifier.load();
        } catch (final UnsatisfiedLinkError absent) {
            return null;
        }
    }

    /** JNA interface (proxy) mapping: the classic, slower way to call a C function. */
    public interface SodiumInterface extends Library {
        int crypto_sign_verify_detached(byte[] signature, byte[] message, long messageLength, byte[] key);
    }

    /** JNA direct mapping with Java arrays as arguments (JNA copies or pins them per call). */
    static final class SodiumArrays {
        private static boolean registered;

        SodiumArrays(final String libraryFile) {
            synchronized (SodiumArrays.class) {
                if (!registered) {
                    Native.register(SodiumArrays.class, NativeLibrary.getInstance(libraryFile));
                    registered = true;
                }
            }
        }

        boolean verify(final Pubkey key, final byte[] message, final Signature signature) {
            return crypto_sign_verify_detached(signature.toBytes(), message, message.length, key.toBytes()) == 0;
        }

        static native int crypto_sign_verify_detached(byte[] signature, byte[] message, long messageLength, byte[] key);

        static native int sodium_library_version_major();
    }
}
