package io.lanes.bench.workload;

import java.util.SplittableRandom;

/**
 * W4: System transfers whose sender and receiver are both drawn from a Zipf distribution with
 * exponent s over {@code accounts} accounts (drawn again while equal). Skew without a fixed hot
 * set: with s = 1.2 over 10k accounts the hottest account is in about a fifth of the transfers.
 */
public final class ZipfTransfers extends TransferWorkload {
    /** The suite's exponents. */
    public static final double[] EXPONENT_VARIANTS = {0.8, 1.0, 1.2};
    /** Accounts the variants draw from. */
    public static final int DEFAULT_ACCOUNTS = 10_000;

    private final int accounts;
    private final double exponent;

    public ZipfTransfers(final int accounts, final double exponent) {
        if (accounts < 2) {
            throw new IllegalArgumentException("W4 needs at least 2 accounts: " + accounts);
        }
        this.accounts = accounts;
        this.exponent = exponent;
    }

    @Override
    public String id() {
        return "W4";
    }

    @Override
    public String variant() {
        return "s=" + exponent;
    }

    @Override
    protected TransferPlan plan(final SplittableRandom random, final int txCount) {
        final ZipfSampler zipf = new ZipfSampler(accounts, exponent);
        final TransferPlan plan = new TransferPlan(accounts, txCount);
        for (int tx = 0; tx < txCount; tx++) {
            final int from = zipf.sample(random);
            int to = zipf.sample(random);
            while (to == from) {
                to = zipf.sample(random);
            }
            plan.set(tx, from, to, amountLamports(tx));
        }
        return plan;
    }
}
