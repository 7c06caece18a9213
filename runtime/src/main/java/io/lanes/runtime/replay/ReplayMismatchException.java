package io.lanes.runtime.replay;

/**
 * Re-executing a recorded block did not give what the ledger recorded: a transaction's outcome
 * (with its slot, entry index and index within the entry) or the block's state hash (entry and
 * transaction index -1).
 */
public final class ReplayMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long slot;
    private final int entryIndex;
    private final int transactionIndex;

    public ReplayMismatchException(final long slot, final int entryIndex, final int transactionIndex, final String detail) {
        super("slot " + slot + (entryIndex >= 0 ? ", entry " + entryIndex + ", transaction " + transactionIndex : "")
            + ": " + detail);
        this.slot = slot;
        this.entryIndex = entryIndex;
        this.transactionIndex = transactionIndex;
    }

    public long slot() {
        return slot;
    }

    /** The entry of the mismatching transaction, or -1 for a state hash mismatch. */
    public int entryIndex() {
        return entryIndex;
    }

    /** The transaction's index within its entry, or -1 for a state hash mismatch. */
    public int transactionIndex() {
        return transactionIndex;
    }
}
