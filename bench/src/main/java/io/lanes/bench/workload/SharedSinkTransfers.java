package io.lanes.bench.workload;

import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * W6, "plain write" variant: W1's random System transfers among {@value #ACCOUNTS} accounts, and
 * every transaction also sends 1 lamport to one shared sink account (a second System transfer), so
 * every transaction write-locks the sink: one hot writable account and otherwise no conflicts.
 *
 * <p>Invariant: sink lamports = genesis + successful transactions; all wallets (sink included) =
 * genesis - fees; every transaction succeeded. (The "commutative add" variant needs a runtime that
 * merges commutative additions to one account instead of serializing the writers: not built.)
 */
public final class SharedSinkTransfers implements Workload {
    /** Senders and receivers, besides the sink. */
    public static final int ACCOUNTS = 10_000;
    private static final int SINK_STREAM = 106;

    @Override
    public String id() {
        return "W6";
    }

    @Override
    public String variant() {
        return "plain-write";
    }

    @Override
    public ProgramRegistry programs() {
        return ProgramRegistry.withBuiltins();
    }

    @Override
    public GeneratedWorkload generate(final long seed, final int txCount, final Hash blockhash) {
        final TransferPlan plan = plan(new SplittableRandom(seed), txCount);
        final DeterministicKeys keys = new DeterministicKeys(seed);
        final AccountKeys accounts = AccountKeys.derive(keys, TransferWorkload.ACCOUNT_STREAM, plan.senders());
        final Pubkey sink = keys.address(SINK_STREAM, 0);
        final long[] spending = plan.spendingLamports(TransferPlan.SINK_LAMPORTS_PER_TX);
        final Pubkey[] wallets = Arrays.copyOf(accounts.addresses(), ACCOUNTS + 1);
        final long[] balances = new long[ACCOUNTS + 1];
        for (int account = 0; account < ACCOUNTS; account++) {
            balances[account] = Genesis.LAMPORTS_PER_SOL + spending[account];
        }
        wallets[ACCOUNTS] = sink;
        balances[ACCOUNTS] = Genesis.LAMPORTS_PER_SOL;
        return new GeneratedWorkload(GenesisState.ofWallets(wallets, balances), plan.sign(accounts, blockhash, sink));
    }

    private static TransferPlan plan(final SplittableRandom random, final int txCount) {
        final TransferPlan plan = new TransferPlan(ACCOUNTS, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            final int from = random.nextInt(ACCOUNTS);
            plan.set(tx, from, (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS, 1L + tx);
        }
        return plan;
    }

    @Override
    public InvariantResult checkInvariant(final GeneratedWorkload generated, final AccountStore store, final RunOutcome outcome) {
        final GenesisState genesis = generated.genesis();
        final int sinkIndex = genesis.wallets().length - 1;
        final long sinkStart = genesis.walletLamports()[sinkIndex];
        final long sinkNow = TransferWorkload.totalLamports(store, new Pubkey[] {genesis.wallets()[sinkIndex]});
        final long expected = sinkStart + outcome.succeeded() * TransferPlan.SINK_LAMPORTS_PER_TX;
        return InvariantResult.of(sinkNow == expected, "sink " + sinkNow + (sinkNow == expected ? " = " : " != ") + sinkStart
                + " + " + outcome.succeeded() + " successful txs")
            .and(TransferWorkload.lamportsConserved(genesis, store, outcome))
            .and(TransferWorkload.allSucceeded(outcome, outcome.total()));
    }
}
