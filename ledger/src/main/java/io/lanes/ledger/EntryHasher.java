package io.lanes.ledger;

import io.lanes.sdk.CompactU16;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.WireFormatException;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry hash chain: {@code hash_i = sha256(hash_(i-1) || sig_1 || ... || sig_n)} where the
 * signatures are every signature of every transaction of entry {@code i}, transactions in execution
 * order and each transaction's signatures in wire order. An entry without transactions (a tick)
 * is {@code sha256(hash_(i-1))}. The first entry of a block chains from the last entry hash of
 * the block before it; the first entry of the ledger from the genesis hash. A block without
 * entries leaves the chain where it was.
 *
 * <p>The signatures are read from the wire bytes' signature section (compact-u16 count, then 64
 * bytes each) without decoding the message, so the chain costs one SHA-256 over 64 bytes per
 * signature.
 *
 * <p>An instance is a position in the chain, used by one thread (the runtime's commit thread
 * builds entries with one; start it at {@link LedgerWriter#lastEntryHash()}). The static methods
 * are thread-safe.
 */
public final class EntryHasher {
    private final MessageDigest digest = Hash.newSha256();
    private Hash last;

    /** A chain position: the next entry chains from {@code previousHash}. */
    public EntryHasher(final Hash previousHash) {
        this.last = previousHash;
    }

    /** The hash the next entry chains from (the last entry's hash). */
    public Hash lastHash() {
        return last;
    }

    /** The next entry of these transactions (wire bytes, execution order); the chain advances. */
    public Entry nextEntry(final List<byte[]> transactionWires) {
        last = hash(digest, last, transactionWires);
        return new Entry(last, transactionWires);
    }

    /** The next entry of these transactions; the chain advances. */
    public Entry nextEntryOf(final List<Transaction> transactions) {
        final List<byte[]> wires = new ArrayList<>(transactions.size());
        for (final Transaction transaction : transactions) {
            wires.add(transaction.wire());
        }
        return nextEntry(wires);
    }

    /**
     * The hash of an entry of these transactions chained after {@code previousHash}.
     *
     * @throws WireFormatException if a transaction's signature section is malformed
     */
    public static Hash next(final Hash previousHash, final List<byte[]> transactionWires) {
        return hash(Hash.newSha256(), previousHash, transactionWires);
    }

    /** The hash of an entry whose transactions carry exactly these signatures, in order. */
    public static Hash nextOfSignatures(final Hash previousHash, final List<Signature> signatures) {
        final MessageDigest digest = Hash.newSha256();
        digest.update(previousHash.toBytes());
        for (final Signature signature : signatures) {
            digest.update(signature.toBytes());
        }
        return Hash.wrap(digest.digest());
    }

    /**
     * Index of the first transaction of the list whose signature section is malformed, or -1.
     * The chain hashers throw for such a transaction; readers report it with this index.
     */
    static int firstMalformed(final List<byte[]> transactionWires) {
        for (int i = 0; i < transactionWires.size(); i++) {
            if (signatureCountOrError(transactionWires.get(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    private static Hash hash(final MessageDigest digest, final Hash previousHash, final List<byte[]> transactionWires) {
        digest.reset();
        digest.update(previousHash.toBytes());
        for (final byte[] wire : transactionWires) {
            final int decoded = signatureCountOrError(wire);
            if (decoded < 0) {
                throw new WireFormatException("transaction signature section malformed: "
                    + (decoded == -5 ? "shorter than its signatures" : CompactU16.errorMessage(decoded)));
            }
            digest.update(wire, CompactU16.encodedLengthOf(decoded), CompactU16.value(decoded) * Signature.LENGTH);
        }
        return Hash.wrap(digest.digest());
    }

    /** The compact-u16 decode result of the signature count, or a negative error (-5: too short for the signatures). */
    private static int signatureCountOrError(final byte[] wire) {
        final int decoded = CompactU16.decode(wire, 0, wire.length);
        if (CompactU16.isError(decoded)) {
            return decoded;
        }
        final long signaturesEnd = CompactU16.encodedLengthOf(decoded) + (long) CompactU16.value(decoded) * Signature.LENGTH;
        return signaturesEnd > wire.length ? -5 : decoded;
    }
}
