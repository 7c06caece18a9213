package io.lanes.bench.workload;

import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;

import java.util.SplittableRandom;

/**
 * The shape of the token market workloads (W3, W5): choose a {@link MarketPlan} over numbered
 * wallets, derive key pairs for the wallets that sign, build a {@link TokenMarket} (mints A and B,
 * A/B pools, an A and a B token account per wallet) in the genesis, fund every wallet with one SOL
 * plus exactly what it pays in fees and transfers, sign.
 *
 * <p>Invariant: wallet lamports = genesis - fees; every transaction succeeded; every pool's k
 * never decreased and its vaults hold its reserves; both mints' supplies unchanged and equal to
 * the sum of their token accounts.
 */
public abstract class MarketWorkload implements Workload {
    @Override
    public ProgramRegistry programs() {
        return ProgramRegistry.withBuiltins();
    }

    /** How many A/B pools the genesis holds for a run of {@code txCount} transactions. */
    protected abstract int poolCount(int txCount);

    /** Chooses the transactions. */
    protected abstract MarketPlan plan(SplittableRandom random, int txCount);

    @Override
    public GeneratedWorkload generate(final long seed, final int txCount, final Hash blockhash) {
        final MarketPlan plan = plan(new SplittableRandom(seed), txCount);
        final DeterministicKeys keys = new DeterministicKeys(seed);
        final AccountKeys wallets = AccountKeys.derive(keys, TransferWorkload.ACCOUNT_STREAM, plan.senders());
        final TokenMarket market = TokenMarket.create(keys, poolCount(txCount), plan.walletCount());
        final long[] spending = plan.spendingLamports();
        final long[] balances = new long[plan.walletCount()];
        for (int wallet = 0; wallet < balances.length; wallet++) {
            balances[wallet] = Genesis.LAMPORTS_PER_SOL + spending[wallet];
        }
        final GenesisState genesis = new GenesisState(wallets.addresses(), balances, market.genesisAccounts(wallets.addresses(), keys));
        return new GeneratedWorkload(genesis, plan.sign(wallets, market, blockhash));
    }

    @Override
    public InvariantResult checkInvariant(final GeneratedWorkload generated, final AccountStore store, final RunOutcome outcome) {
        return TransferWorkload.lamportsConserved(generated.genesis(), store, outcome)
            .and(TransferWorkload.allSucceeded(outcome, outcome.total()))
            .and(TokenMarket.check(generated.genesis(), store));
    }
}
