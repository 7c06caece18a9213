package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the chain stands (last block's slot, last entry hash) and the rule a next block must
 * follow: its parent is the last slot and each entry's hash is recomputed from the hash before it.
 * The writer checks appended blocks with it and the readers check read ones, so both apply one
 * rule. Not thread-safe.
 */
final class ChainState {
    private long lastSlot;
    private Hash lastEntryHash;

    ChainState(final long lastSlot, final Hash lastEntryHash) {
        this.lastSlot = lastSlot;
        this.lastEntryHash = lastEntryHash;
    }

    long lastSlot() {
        return lastSlot;
    }

    Hash lastEntryHash() {
        return lastEntryHash;
    }

    /** The first way {@code block} breaks the chain, or null if it continues it. */
    LedgerProblem check(final Block block, final Path segment, final long offset) {
        if (block.parentSlot() != lastSlot) {
            return new LedgerProblem(LedgerProblem.Kind.SLOT_CHAIN, block.slot(), -1, -1, segment, offset,
                "parent slot " + block.parentSlot() + " but the previous block is slot " + lastSlot);
        }
        Hash previous = lastEntryHash;
        final List<Entry> entries = block.entries();
        for (int i = 0; i < entries.size(); i++) {
            final Entry entry = entries.get(i);
            final int malformed = EntryHasher.firstMalformed(entry.transactionWires());
            if (malformed >= 0) {
                return new LedgerProblem(LedgerProblem.Kind.BAD_TRANSACTION, block.slot(), i, malformed, segment, offset,
                    "the transaction's signature section is malformed");
            }
            final Hash recomputed = EntryHasher.next(previous, entry.transactionWires());
            if (!recomputed.equals(entry.hash())) {
                return new LedgerProblem(LedgerProblem.Kind.ENTRY_HASH, block.slot(), i, -1, segment, offset,
                    "recorded entry hash " + entry.hash() + " but its transactions' signatures chain to " + recomputed);
            }
            previous = recomputed;
        }
        return null;
    }

    /** Moves past a block that {@link #check} accepted. */
    void advance(final Block block) {
        assert block.parentSlot() == lastSlot;
        lastSlot = block.slot();
        lastEntryHash = block.lastEntryHash(lastEntryHash);
    }
}
