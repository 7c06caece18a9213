package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W5: constant-product AMM swaps over {@code pools} A/B pools. Transaction i: a wallet chosen
 * uniformly among {@value #WALLETS} swaps {@code 1000 + i} units A to B or B to A (at random) on a
 * pool chosen uniformly, minimum output 0, so none fails. Every swap writes its pool and both
 * vaults and calls Token twice (CPI): with 1 pool every transaction conflicts with every other.
 */
public final class AmmSwaps extends MarketWorkload {
    /** The suite's variants. */
    public static final int[] POOL_VARIANTS = {1, 10, 100, 1_000};
    /** Wallets that swap: many, so that the pools, not the wallets, are what conflicts. */
    public static final int WALLETS = 10_000;

    private final int pools;

    public AmmSwaps(final int pools) {
        if (pools < 1) {
            throw new IllegalArgumentException("W5 needs at least one pool: " + pools);
        }
        this.pools = pools;
    }

    @Override
    public String id() {
        return "W5";
    }

    @Override
    public String variant() {
        return "pools=" + pools;
    }

    @Override
    protected int poolCount(final int txCount) {
        return pools;
    }

    @Override
    protected MarketPlan plan(final SplittableRandom random, final int txCount) {
        final MarketPlan plan = new MarketPlan(WALLETS, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            plan.swap(tx, random.nextInt(WALLETS), random.nextInt(pools), random.nextBoolean());
        }
        return plan;
    }
}
