package io.lanes.sdk;

import org.agrona.DirectBuffer;

/** A 64-byte Ed25519 signature. The first signature of a transaction is its id. */
public final class Signature extends FixedBytes {
    public static final int LENGTH = 64;
    public static final Signature ZERO = new Signature(new byte[LENGTH]);

    private Signature(final byte[] bytes) {
        super(bytes, LENGTH);
    }

    public static Signature wrap(final byte[] bytes) {
        return new Signature(bytes.clone());
    }

    public static Signature read(final byte[] source, final int offset) {
        final byte[] bytes = new byte[LENGTH];
        System.arraycopy(source, offset, bytes, 0, LENGTH);
        return new Signature(bytes);
    }

    public static Signature read(final DirectBuffer source, final int offset) {
        final byte[] bytes = new byte[LENGTH];
        source.getBytes(offset, bytes);
        return new Signature(bytes);
    }

    public static Signature fromBase58(final String text) {
        return new Signature(Base58.decode(text, LENGTH));
    }
}
