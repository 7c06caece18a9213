package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W2, transfer variant: transaction i moves lamports from account 2i to account 2i+1, a pair no
 * other transaction touches. No conflicts at all: the ceiling of parallel execution. The token
 * transfer and own-pool swap variants are {@link IndependentTokenTransfers} and {@link OwnPoolSwaps}.
 */
public final class IndependentTransfers extends TransferWorkload {
    @Override
    public String id() {
        return "W2";
    }

    @Override
    public String variant() {
        return "transfers";
    }

    @Override
    protected TransferPlan plan(final SplittableRandom random, final int txCount) {
        final TransferPlan plan = new TransferPlan(Math.multiplyExact(2, txCount), txCount);
        for (int tx = 0; tx < txCount; tx++) {
            plan.set(tx, 2 * tx, 2 * tx + 1, amountLamports(tx));
        }
        return plan;
    }
}
