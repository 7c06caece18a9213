package io.lanes.ledger;

import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The transactions of one executed batch, in execution order, as wire bytes, and the entry's
 * {@link #hash()}: {@code sha256(previous entry hash || every signature of every transaction, in
 * order)}, as Solana's PoH entries mix in their transactions (see {@link EntryHasher}).
 *
 * <p>Immutable. The byte arrays are not copied (as {@link Transaction#wire()}): callers must not
 * change them. Equality compares the hash and every byte of every transaction.
 */
public final class Entry {
    private final Hash hash;
    private final List<byte[]> transactions;

    /**
     * An entry as recorded: its hash and the wire bytes of its transactions. The hash is not
     * checked here; {@link EntryHasher} computes it and the writer and readers check it.
     */
    public Entry(final Hash hash, final List<byte[]> transactionWires) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.transactions = Collections.unmodifiableList(new ArrayList<>(transactionWires));
        for (final byte[] wire : transactions) {
            Objects.requireNonNull(wire, "transaction wire bytes");
        }
    }

    /** The entry of these transactions chained after {@code previousHash}. */
    public static Entry of(final Hash previousHash, final List<Transaction> transactions) {
        final List<byte[]> wires = new ArrayList<>(transactions.size());
        for (final Transaction transaction : transactions) {
            wires.add(transaction.wire());
        }
        return new Entry(EntryHasher.next(previousHash, wires), wires);
    }

    public Hash hash() {
        return hash;
    }

    public int transactionCount() {
        return transactions.size();
    }

    /** The wire bytes of transaction {@code index}; callers must not change them. */
    public byte[] transactionWire(final int index) {
        return transactions.get(index);
    }

    /** Every transaction's wire bytes in execution order (unmodifiable; do not change the arrays). */
    public List<byte[]> transactionWires() {
        return transactions;
    }

    /** Decodes transaction {@code index} (throws {@code WireFormatException} on malformed bytes). */
    public Transaction transaction(final int index) {
        return TransactionCodec.decode(transactions.get(index));
    }

    @Override
    public boolean equals(final Object other) {
        if (!(other instanceof Entry)) {
            return false;
        }
        final Entry that = (Entry) other;
        if (!hash.equals(that.hash) || transactions.size() != that.transactions.size()) {
            return false;
        }
        for (int i = 0; i < transactions.size(); i++) {
            if (!Arrays.equals(transactions.get(i), that.transactions.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash.hashCode() * 31 + transactions.size();
    }

    @Override
    public String toString() {
        return "Entry{hash=" + hash + ", transactions=" + transactions.size() + '}';
    }
}
