package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W2, token-transfer variant: transaction i moves mint-A tokens from wallet 2i's token account to
 * wallet 2i+1's (an SPL Token Transfer signed by wallet 2i), accounts no other transaction
 * touches. The genesis is the token market's with one (unused) pool. Invariant: as W1, and every
 * mint's supply unchanged and equal to the sum of its token accounts.
 */
public final class IndependentTokenTransfers extends MarketWorkload {
    @Override
    public String id() {
        return "W2";
    }

    @Override
    public String variant() {
        return "token-transfers";
    }

    @Override
    protected int poolCount(final int txCount) {
        return 1;
    }

    @Override
    protected MarketPlan plan(final SplittableRandom random, final int txCount) {
        final MarketPlan plan = new MarketPlan(Math.multiplyExact(2, txCount), txCount);
        for (int tx = 0; tx < txCount; tx++) {
            plan.transfer(tx, 2 * tx, 2 * tx + 1, true);
        }
        return plan;
    }
}
