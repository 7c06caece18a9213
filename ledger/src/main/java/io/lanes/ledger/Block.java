package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.util.List;
import java.util.Objects;

/**
 * One executed block as the ledger records it.
 *
 * @param slot              its slot, greater than {@code parentSlot}
 * @param parentSlot        the slot of the block before it in the ledger (the genesis slot for the first block)
 * @param blockhash         the slot's blockhash, as the runtime chose it (recorded, not derived)
 * @param blockTimeSeconds  Unix time in seconds when the block was cut (what getBlockTime answers)
 * @param entries           the executed batches in execution order; may be empty
 * @param stateHash         the state hash after executing the block
 * @param results           one result per transaction, in execution order across all entries
 */
public record Block(
    long slot, long parentSlot, Hash blockhash, long blockTimeSeconds, List<Entry> entries, Hash stateHash,
    List<TransactionResult> results) {

    public Block {
        Objects.requireNonNull(blockhash, "blockhash");
        Objects.requireNonNull(stateHash, "stateHash");
        entries = List.copyOf(entries);
        results = List.copyOf(results);
        if (parentSlot < 0 || slot <= parentSlot) {
            throw new IllegalArgumentException("slot " + slot + " must be above its parent slot " + parentSlot + " >= 0");
        }
        final int transactionCount = countTransactions(entries);
        if (results.size() != transactionCount) {
            throw new IllegalArgumentException("slot " + slot + " has " + transactionCount + " transactions but "
                + results.size() + " results");
        }
    }

    /** Transactions in all entries. */
    public int transactionCount() {
        return results.size();
    }

    /** The hash the entry chain stands at after this block, which started at {@code previousHash}. */
    public Hash lastEntryHash(final Hash previousHash) {
        return entries.isEmpty() ? previousHash : entries.get(entries.size() - 1).hash();
    }

    private static int countTransactions(final List<Entry> entries) {
        int count = 0;
        for (final Entry entry : entries) {
            count += entry.transactionCount();
        }
        return count;
    }
}
