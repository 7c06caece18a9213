package io.lanes.bench.workload;

import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.program.Rent;

import java.util.stream.IntStream;

/**
 * W8: a dependency chain. Only account 0 exists at genesis; transaction i is paid and signed by
 * account i and moves all but a rent-exempt reserve to account i+1, which does not exist until
 * then. So transaction i cannot even pay its fee before transaction i-1 has run: zero
 * parallelism, every transaction writes what the previous one wrote.
 *
 * <p>Invariant: lamports conserved (start - fees), every transaction succeeded, and each account
 * holds exactly what the chain leaves it (a reserve, the last one the remainder).
 */
public final class DependencyChain implements Workload {
    /** The suite's chain length. */
    public static final int DEFAULT_LENGTH = 10_000;
    /** Each link keeps this much: the rent-exempt minimum of an account without data. */
    static final long RESERVE_LAMPORTS = Rent.minimumBalance(0);
    private static final int CHAIN_STREAM = 8;

    private final int maxLength;

    public DependencyChain(final int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public String id() {
        return "W8";
    }

    @Override
    public String variant() {
        return "length=" + maxLength;
    }

    /** The chain is at most {@code maxLength} long (fewer when fewer transactions are asked for). */
    @Override
    public int transactionCount(final int requested) {
        return Math.min(requested, maxLength);
    }

    @Override
    public ProgramRegistry programs() {
        return ProgramRegistry.withBuiltins();
    }

    @Override
    public GeneratedWorkload generate(final long seed, final int txCount, final Hash blockhash) {
        final boolean[] signs = new boolean[txCount + 1];
        java.util.Arrays.fill(signs, 0, txCount, true);
        final AccountKeys keys = AccountKeys.derive(new DeterministicKeys(seed), CHAIN_STREAM, signs);
        final long[] balances = new long[txCount + 1];
        balances[0] = startLamports(txCount);
        final TransferPlan plan = new TransferPlan(txCount + 1, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            plan.set(tx, tx, tx + 1, balanceBefore(tx, balances[0]) - TransferPlan.FEE_LAMPORTS - RESERVE_LAMPORTS);
        }
        return new GeneratedWorkload(GenesisState.ofWallets(keys.addresses(), balances), plan.sign(keys, blockhash));
    }

    /** Enough for every link's fee and reserve, plus one SOL left at the end. */
    private static long startLamports(final int length) {
        return Genesis.LAMPORTS_PER_SOL + (long) length * (TransferPlan.FEE_LAMPORTS + RESERVE_LAMPORTS);
    }

    /** Account i's balance when transaction i runs. */
    private static long balanceBefore(final int tx, final long start) {
        return start - (long) tx * (TransferPlan.FEE_LAMPORTS + RESERVE_LAMPORTS);
    }

    @Override
    public InvariantResult checkInvariant(final GeneratedWorkload generated, final AccountStore store, final RunOutcome outcome) {
        return TransferWorkload.lamportsConserved(generated.genesis(), store, outcome)
            .and(TransferWorkload.allSucceeded(outcome, outcome.total()))
            .and(chainBalances(generated.genesis(), store, (int) outcome.succeeded()));
    }

    /** After n links: accounts 0..n-1 hold the reserve, account n the remainder. */
    private static InvariantResult chainBalances(final GenesisState genesis, final AccountStore store, final int links) {
        final long start = genesis.walletLamports()[0];
        final long wrong = IntStream.range(0, links + 1)
            .filter(account -> lamports(store, genesis, account) != expectedBalance(account, links, start))
            .count();
        return InvariantResult.of(wrong == 0, wrong + " chain accounts off their expected balance");
    }

    private static long expectedBalance(final int account, final int links, final long start) {
        return account < links ? RESERVE_LAMPORTS : balanceBefore(links, start);
    }

    private static long lamports(final AccountStore store, final GenesisState genesis, final int account) {
        final int slot = store.find(genesis.wallets()[account]);
        return slot < 0 ? 0 : store.lamports(slot);
    }
}
