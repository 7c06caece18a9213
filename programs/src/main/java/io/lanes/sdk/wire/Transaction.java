package io.lanes.sdk.wire;

import io.lanes.sdk.Signature;

import java.util.List;

/**
 * A decoded wire transaction: signatures, then the message. Keeps its wire bytes.
 * The first signature is the transaction's id.
 */
public final class Transaction {
    /** Largest wire transaction Solana accepts: the IPv6 minimum MTU less headers. */
    public static final int MAX_WIRE_LENGTH = 1232;

    private final Signature[] signatures;
    private final Message message;
    private final byte[] wire;

    public Transaction(final Signature[] signatures, final Message message, final byte[] wire) {
        this.signatures = signatures;
        this.message = message;
        this.wire = wire;
    }

    public int signatureCount() {
        return signatures.length;
    }

    public Signature signature(final int index) {
        return signatures[index];
    }

    public List<Signature> signatures() {
        return List.of(signatures);
    }

    public Message message() {
        return message;
    }

    /** The wire bytes. Callers must not change them. */
    public byte[] wire() {
        return wire;
    }
}
