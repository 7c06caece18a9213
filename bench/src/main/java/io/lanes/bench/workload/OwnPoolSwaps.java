package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W2, own-pool swap variant: transaction i is wallet i swapping on pool i (A to B or B to A at
 * random), so no two transactions share a pool, a vault or a token account; the token program
 * and the mints are only read. The genesis holds one pool per transaction (five accounts each).
 * Invariant: as W1, the token supplies unchanged, and no pool's k decreased.
 */
public final class OwnPoolSwaps extends MarketWorkload {
    @Override
    public String id() {
        return "W2";
    }

    @Override
    public String variant() {
        return "own-pool-swaps";
    }

    @Override
    protected int poolCount(final int txCount) {
        return txCount;
    }

    @Override
    protected MarketPlan plan(final SplittableRandom random, final int txCount) {
        final MarketPlan plan = new MarketPlan(txCount, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            plan.swap(tx, tx, tx, random.nextBoolean());
        }
        return plan;
    }
}
