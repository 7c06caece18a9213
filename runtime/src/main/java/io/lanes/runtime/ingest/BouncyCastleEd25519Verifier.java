package io.lanes.runtime.ingest;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Pure-Java verification with BouncyCastle's RFC 8032 code, always available. BouncyCastle
 * already rejects a non-canonical S and non-canonical point encodings; this class adds
 * libsodium's rejection of small-order A and R, so both verifiers answer alike on those inputs
 * (see runtime/README.md, "Signature verification", for the one known difference: keys with a
 * small-order component). Thread-safe: the scratch arrays are per thread.
 */
public final class BouncyCastleEd25519Verifier implements Ed25519Verifier {
    private static final int KEY_OFFSET = Signature.LENGTH;
    private static final ThreadLocal<byte[]> SCRATCH =
        ThreadLocal.withInitial(() -> new byte[Signature.LENGTH + Pubkey.LENGTH]);

    @Override
    public String name() {
        return "bouncycastle";
    }

    @Override
    public boolean verify(
        final Pubkey key, final byte[] message, final int offset, final int length, final Signature signature) {
        if (key == null || signature == null || !Ed25519Ranges.isValid(message, offset, length)) {
            return false;
        }
        final byte[] scratch = SCRATCH.get();
        signature.copyTo(scratch, 0);
        key.copyTo(scratch, KEY_OFFSET);
        if (Ed25519Encodings.hasSmallOrder(scratch, 0) || Ed25519Encodings.hasSmallOrder(scratch, KEY_OFFSET)
            || !Ed25519Encodings.isCanonical(scratch, KEY_OFFSET)) {
            return false;
        }
        try {
            return Ed25519.verify(scratch, 0, scratch, KEY_OFFSET, message, offset, length);
        } catch (final RuntimeException malformed) {
            return false;
        }
    }
}
