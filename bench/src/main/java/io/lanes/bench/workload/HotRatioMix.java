package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W3: a DeFi mix over {@code wallets} wallets (each with an A and a B token account) and
 * {@value #COLD_POOLS} + 1 A/B pools: 60% System transfers, 20% SPL Token transfers of mint A, 20%
 * AMM swaps. A share {@code hotPercent} of the transactions are hot: their wallets come from the
 * hot set (the first 1% of the wallets) and their swaps go to the one hot pool (pool 0); the
 * others pick wallets uniformly among all wallets and swap on one of the cold pools.
 */
public final class HotRatioMix extends MarketWorkload {
    /** The suite's variants: percent of transactions that touch the hot set. */
    public static final int[] HOT_PERCENT_VARIANTS = {0, 10, 30, 50};
    /** The suite's wallet count. */
    public static final int DEFAULT_WALLETS = 100_000;
    /** Pools cold transactions swap on (pool 0, the hot one, comes on top). */
    public static final int COLD_POOLS = 100;
    static final int TRANSFER_PERCENT = 60;
    static final int TOKEN_TRANSFER_PERCENT = 20;

    private final int wallets;
    private final int hotPercent;
    private final int hotWallets;

    public HotRatioMix(final int wallets, final int hotPercent) {
        if (wallets < 200 || hotPercent < 0 || hotPercent > 100) {
            throw new IllegalArgumentException("W3 needs >= 200 wallets and a hot ratio of 0-100%: " + wallets + ", " + hotPercent);
        }
        this.wallets = wallets;
        this.hotPercent = hotPercent;
        this.hotWallets = wallets / 100;
    }

    @Override
    public String id() {
        return "W3";
    }

    @Override
    public String variant() {
        return "hot=" + hotPercent + "% accounts=" + wallets;
    }

    @Override
    protected int poolCount(final int txCount) {
        return 1 + COLD_POOLS;
    }

    @Override
    protected MarketPlan plan(final SplittableRandom random, final int txCount) {
        final MarketPlan plan = new MarketPlan(wallets, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            final boolean hot = random.nextInt(100) < hotPercent;
            final int range = hot ? hotWallets : wallets;
            final int from = random.nextInt(range);
            final int kindPercent = random.nextInt(100);
            if (kindPercent < TRANSFER_PERCENT + TOKEN_TRANSFER_PERCENT) {
                final int to = (from + 1 + random.nextInt(range - 1)) % range;
                plan.transfer(tx, from, to, kindPercent >= TRANSFER_PERCENT);
            } else {
                plan.swap(tx, from, hot ? 0 : 1 + random.nextInt(COLD_POOLS), random.nextBoolean());
            }
        }
        return plan;
    }
}
