package io.lanes.runtime.ingest;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.Transaction;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Native verification with libsodium's {@code crypto_sign_verify_detached} (Debian package
 * {@code libsodium23}), called through JNA direct mapping. libsodium 1.0.18 rejects a
 * non-canonical S, small-order A and R, and a non-canonical A, then checks the cofactorless
 * equation: Solana's {@code verify_strict} rules.
 *
 * <p>Each thread copies the signature, key and message into its own native scratch memory
 * (no allocation per call after the first on a thread), so the call passes plain pointers.
 */
public final class SodiumEd25519Verifier implements Ed25519Verifier {
    /** System property naming the library (a file path or a name such as {@code sodium}); tried first. */
    public static final String LIBRARY_PROPERTY = "lanes.sodium.library";
    private static final String[] DEFAULT_LIBRARY_NAMES = {"sodium", "libsodium.so.23", "libsodium.so.26"};
    private static final System.Logger LOG = System.getLogger(SodiumEd25519Verifier.class.getName());
    private static final int KEY_OFFSET = Signature.LENGTH;
    private static final int MESSAGE_OFFSET = Signature.LENGTH + Pubkey.LENGTH;

    private static final ThreadLocal<NativeScratch> SCRATCH =
        ThreadLocal.withInitial(() -> new NativeScratch(Transaction.MAX_WIRE_LENGTH));

    private final String libraryName;

    private SodiumEd25519Verifier(final String libraryName) {
        this.libraryName = libraryName;
    }

    /**
     * Loads libsodium and initialises it.
     *
     * @throws UnsatisfiedLinkError naming every place tried if no libsodium could be loaded
     */
    public static synchronized SodiumEd25519Verifier load() {
        final List<String> names = candidateNames();
        for (final String name : names) {
            try {
                final NativeLibrary library = NativeLibrary.getInstance(name);
                Bindings.register(library);
                if (Bindings.sodium_init() < 0) {
                    throw new UnsatisfiedLinkError("sodium_init() failed in " + library.getFile());
                }
                return new SodiumEd25519Verifier(String.valueOf(library.getFile()));
            } catch (final UnsatisfiedLinkError | NoClassDefFoundError notThere) {
                LOG.log(System.Logger.Level.DEBUG, "libsodium not loaded as " + name + ": " + notThere.getMessage());
            }
        }
        throw new UnsatisfiedLinkError("libsodium not found (Debian package libsodium23); tried " + names);
    }

    @Override
    public String name() {
        return "libsodium";
    }

    /** Where the library was loaded from. */
    public String libraryFile() {
        return libraryName;
    }

    @Override
    public boolean verify(
        final Pubkey key, final byte[] message, final int offset, final int length, final Signature signature) {
        if (key == null || signature == null || !Ed25519Ranges.isValid(message, offset, length)) {
            return false;
        }
        final NativeScratch scratch = SCRATCH.get().ensureMessageCapacity(length);
        final UnsafeBuffer buffer = scratch.buffer;
        signature.copyTo(buffer, 0);
        key.copyTo(buffer, KEY_OFFSET);
        buffer.putBytes(MESSAGE_OFFSET, message, offset, length);
        return Bindings.crypto_sign_verify_detached(scratch.signature, scratch.message, length, scratch.key) == 0;
    }

    private static List<String> candidateNames() {
        final List<String> names = new ArrayList<>();
        final String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            names.add(configured);
        }
        names.addAll(List.of(DEFAULT_LIBRARY_NAMES));
        return names;
    }

    /** One thread's native memory: signature, key, then message; grown when a message does not fit. */
    private static final class NativeScratch {
        private Memory memory;
        private UnsafeBuffer buffer;
        private Pointer signature;
        private Pointer key;
        private Pointer message;
        private int messageCapacityBytes;

        NativeScratch(final int messageCapacityBytes) {
            allocate(messageCapacityBytes);
        }

        NativeScratch ensureMessageCapacity(final int messageLengthBytes) {
            if (messageLengthBytes > messageCapacityBytes) {
                allocate(Math.max(messageLengthBytes, 2 * messageCapacityBytes));
            }
            return this;
        }

        private void allocate(final int capacityBytes) {
            memory = new Memory(MESSAGE_OFFSET + (long) capacityBytes);
            buffer = new UnsafeBuffer(Pointer.nativeValue(memory), (int) memory.size());
            signature = memory.share(0, Signature.LENGTH);
            key = memory.share(KEY_OFFSET, Pubkey.LENGTH);
            message = memory.share(MESSAGE_OFFSET, capacityBytes);
            messageCapacityBytes = capacityBytes;
        }
    }

    /** JNA direct mapping: static natives bound once to the loaded library. */
    static final class Bindings {
        private static boolean registered;

        private Bindings() {
        }

        static synchronized void register(final NativeLibrary library) {
            if (!registered) {
                Native.register(Bindings.class, library);
                registered = true;
            }
        }

        static native int sodium_init();

        static native int crypto_sign_verify_detached(Pointer signature, Pointer message, long messageLength, Pointer key);
    }
}
