package io.lanes.bench.workload;

import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;

/**
 * One variant of a workload from the suite ({@code workloads.md}), e.g. W1 with 1,000 accounts.
 * A workload is seeded and deterministic: the same seed and transaction count give the same
 * genesis state and the same signed wire transactions. It knows the programs it calls and the
 * invariant that must hold after any run of its transactions, whatever the execution order the
 * runtime chose.
 *
 * <p>Token and AMM workloads (W3, W5) plug in the same way: they register their programs in
 * {@link #programs()}, put mints, token accounts and pools into {@link GenesisState#dataAccounts()},
 * and check supply and pool invariants by reading account data from the store.
 */
public interface Workload {
    /** The suite id: "W1", "W2", ... */
    String id();

    /** The variant, as a short {@code name=value} label: "accounts=1000", "s=1.2". */
    String variant();

    /** How many transactions this variant makes when {@code requested} are asked for. */
    default int transactionCount(final int requested) {
        return requested;
    }

    /** A fresh registry of the programs the transactions call (built-ins at least). */
    ProgramRegistry programs();

    /**
     * Builds the genesis state and the signed transactions. Expensive (Ed25519 key derivation and
     * signing): runs in parallel on all cores and before any clock starts.
     *
     * @param seed      the seed every random choice derives from
     * @param txCount   transactions wanted (see {@link #transactionCount})
     * @param blockhash the recent blockhash the transactions name
     */
    GeneratedWorkload generate(long seed, int txCount, Hash blockhash);

    /**
     * Checks the workload's invariant on the state after a run of the first {@code outcome.total()}
     * transactions.
     */
    InvariantResult checkInvariant(GeneratedWorkload generated, AccountStore store, RunOutcome outcome);

    /** Bumped whenever {@link #generate} changes what it makes, so cached copies are not reused. */
    default int generatorVersion() {
        return 1;
    }

    /** "W1 accounts=1000". */
    default String label() {
        return id() + " " + variant();
    }
}
