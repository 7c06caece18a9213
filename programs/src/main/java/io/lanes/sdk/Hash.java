package io.lanes.sdk;

import org.agrona.DirectBuffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A 32-byte SHA-256 value: blockhashes, entry hashes, state hashes. */
public final class Hash extends FixedBytes {
    public static final int LENGTH = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private Hash(final byte[] bytes) {
        super(bytes, LENGTH);
    }

    public static Hash wrap(final byte[] bytes) {
        return new Hash(bytes.clone());
    }

    public static Hash read(final byte[] source, final int offset) {
        final byte[] bytes = new byte[LENGTH];
        System.arraycopy(source, offset, bytes, 0, LENGTH);
        return new Hash(bytes);
    }

    public static Hash read(final DirectBuffer source, final int offset) {
        final byte[] bytes = new byte[LENGTH];
        source.getBytes(offset, bytes);
        return new Hash(bytes);
    }

    public static Hash fromBase58(final String text) {
        return new Hash(Base58.decode(text, LENGTH));
    }

    /** SHA-256 over the concatenation of the parts. */
    public static Hash sha256(final byte[]... parts) {
        final MessageDigest digest = newSha256();
        for (final byte[] part : parts) {
            digest.update(part);
        }
        return new Hash(digest.digest());
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
