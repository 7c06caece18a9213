package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W1: System transfers between accounts chosen uniformly at random (from != to) among
 * {@code accounts}. Contention from total (2 accounts: every transaction writes both) to almost
 * none (1M accounts).
 */
public final class RandomTransfers extends TransferWorkload {
    /** The suite's variants. */
    public static final int[] ACCOUNT_VARIANTS = {2, 10, 100, 1_000, 10_000, 1_000_000};

    private final int accounts;

    public RandomTransfers(final int accounts) {
        if (accounts < 2) {
            throw new IllegalArgumentException("W1 needs at least 2 accounts: " + accounts);
        }
        this.accounts = accounts;
    }

    @Override
    public String id() {
        return "W1";
    }

    @Override
    public String variant() {
        return "accounts=" + accounts;
    }

    public int accounts() {
        return accounts;
    }

    @Override
    protected TransferPlan plan(final SplittableRandom random, final int txCount) {
        final TransferPlan plan = new TransferPlan(accounts, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            final int from = random.nextInt(accounts);
            final int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
            plan.set(tx, from, to, amountLamports(tx));
        }
        return plan;
    }
}
