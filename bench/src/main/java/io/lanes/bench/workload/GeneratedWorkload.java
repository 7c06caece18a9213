package io.lanes.bench.workload;

import io.lanes.sdk.wire.Transaction;

/**
 * What a workload made: the genesis state and the signed transactions, in submission order.
 * Immutable once made; each run loads the genesis into a fresh store.
 */
public final class GeneratedWorkload {
    private final GenesisState genesis;
    private final Transaction[] transactions;

    public GeneratedWorkload(final GenesisState genesis, final Transaction[] transactions) {
        this.genesis = genesis;
        this.transactions = transactions;
    }

    public GenesisState genesis() {
        return genesis;
    }

    /** The transactions; callers must not change the array. */
    public Transaction[] transactions() {
        return transactions;
    }

    public int transactionCount() {
        return transactions.length;
    }
}
