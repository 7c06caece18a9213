package io.lanes.bench.workload;

import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;

import java.util.SplittableRandom;

/**
 * The shape of the System transfer workloads (W1, W2, W4): choose a {@link TransferPlan}, derive
 * keys (key pairs for senders only), fund every account with one SOL plus exactly what it will
 * send and pay in fees (so no transfer fails), sign.
 *
 * <p>Invariant: the wallets' total lamports equal the genesis total minus the fees charged, and
 * every transaction succeeded. Amounts are {@code 1 + tx index} lamports: small, and unique, so
 * that no two transactions have the same message (the runtime would reject a resend as a
 * duplicate).
 */
public abstract class TransferWorkload implements Workload {
    /** Key stream of the accounts (different workloads may reuse it: they never share a store). */
    static final int ACCOUNT_STREAM = 1;

    @Override
    public ProgramRegistry programs() {
        return ProgramRegistry.withBuiltins();
    }

    /** Chooses the transfers. */
    protected abstract TransferPlan plan(SplittableRandom random, int txCount);

    /** The amount of transaction {@code tx}: small and unique. */
    protected static long amountLamports(final int tx) {
        return 1L + tx;
    }

    @Override
    public GeneratedWorkload generate(final long seed, final int txCount, final Hash blockhash) {
        final TransferPlan plan = plan(new SplittableRandom(seed), txCount);
        final AccountKeys keys = AccountKeys.derive(new DeterministicKeys(seed), ACCOUNT_STREAM, plan.senders());
        final long[] spending = plan.spendingLamports();
        final long[] balances = new long[plan.accountCount()];
        for (int account = 0; account < balances.length; account++) {
            balances[account] = Genesis.LAMPORTS_PER_SOL + spending[account];
        }
        return new GeneratedWorkload(GenesisState.ofWallets(keys.addresses(), balances), plan.sign(keys, blockhash));
    }

    @Override
    public InvariantResult checkInvariant(final GeneratedWorkload generated, final AccountStore store, final RunOutcome outcome) {
        return lamportsConserved(generated.genesis(), store, outcome)
            .and(allSucceeded(outcome, outcome.total()));
    }

    /** Total wallet lamports now = at genesis - fees. */
    public static InvariantResult lamportsConserved(final GenesisState genesis, final AccountStore store, final RunOutcome outcome) {
        final long start = genesis.totalWalletLamports();
        final long now = totalLamports(store, genesis.wallets());
        return InvariantResult.of(now == start - outcome.feesLamports(),
            "lamports " + now + (now == start - outcome.feesLamports() ? " = " : " != ") + start + " - fees " + outcome.feesLamports());
    }

    /** Every one of {@code expected} transactions succeeded. */
    public static InvariantResult allSucceeded(final RunOutcome outcome, final long expected) {
        return InvariantResult.of(outcome.succeeded() == expected && outcome.total() == expected,
            outcome.succeeded() + "/" + expected + " succeeded (failed " + outcome.failed() + ", rejected " + outcome.rejected() + ")");
    }

    /** Sum of the accounts' lamports in the store (0 for keys it does not know). */
    public static long totalLamports(final AccountStore store, final Pubkey[] keys) {
        long total = 0;
        for (final Pubkey key : keys) {
            final int slot = store.find(key);
            if (slot >= 0) {
                total = Math.addExact(total, store.lamports(slot));
            }
        }
        return total;
    }
}
