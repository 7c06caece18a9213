package io.lanes.runtime.ingest;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;

/**
 * Ed25519 signature verification with Solana's {@code verify_strict} rules: the cofactorless
 * equation {@code [S]B = R + [k]A}, S canonical ({@code S < L}), neither A nor R of small order,
 * A canonically encoded. Implementations are thread-safe and never throw on malformed input
 * (they answer false).
 */
public interface Ed25519Verifier {
    /** A short name for logs and benchmark tables, e.g. {@code libsodium}. */
    String name();

    /** True if {@code signature} is valid for {@code message[offset, offset + length)} under {@code key}. */
    boolean verify(Pubkey key, byte[] message, int offset, int length, Signature signature);

    /**
     * Verifies every entry of the batch and records each verdict in it ({@link SignatureBatch#isValid}).
     * The default verifies one by one; an implementation with a real batch equation may do better.
     *
     * @return how many entries are valid
     */
    default int verifyBatch(final SignatureBatch batch) {
        int validCount = 0;
        for (int i = 0; i < batch.size(); i++) {
            final boolean valid = verify(batch.key(i), batch.message(i), batch.offset(i), batch.length(i), batch.signature(i));
            batch.setValid(i, valid);
            if (valid) {
                validCount++;
            }
        }
        return validCount;
    }
}
