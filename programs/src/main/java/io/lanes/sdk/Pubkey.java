package io.lanes.sdk;

import org.agrona.DirectBuffer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A 32-byte account address: an Ed25519 public key, or an off-curve program-derived address.
 */
public final class Pubkey extends FixedBytes {
    public static final int LENGTH = 32;

    /** All zeros: the System program's id, {@code 11111111111111111111111111111111}. */
    public static final Pubkey SYSTEM_PROGRAM = new Pubkey(new byte[LENGTH]);

    private Pubkey(final byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** A key holding a copy of the bytes. */
    public static Pubkey wrap(final byte[] bytes) {
        return new Pubkey(bytes.clone());
    }

    public static Pubkey read(final byte[] source, final int offset) {
        final byte[] bytes = new byte[LENGTH];
        System.arraycopy(source, offset, bytes, 0, LENGTH);
        return new Pubkey(bytes);
    }

    public static Pubkey read(final DirectBuffer source, final int offset) {
        final byte[] bytes = new byte[LENGTH];
        source.getBytes(offset, bytes);
        return new Pubkey(bytes);
    }

    /**
     * @throws IllegalArgumentException if the text is not base58 of exactly 32 bytes
     */
    public static Pubkey fromBase58(final String text) {
        return new Pubkey(Base58.decode(text, LENGTH));
    }

    /**
     * True if the bytes decode to a point on the Ed25519 curve (what Solana calls "on curve"):
     * such an address may have a private key, so it can never be a program-derived address.
     */
    public boolean isOnCurve() {
        return isOnCurve(bytes, 0);
    }

    public static boolean isOnCurve(final byte[] source, final int offset) {
        return Ed25519.validatePublicKeyPartial(source, offset);
    }

    /** The first 8 bytes as a little-endian long: a well-spread hash for real keys. */
    public long prefix() {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
