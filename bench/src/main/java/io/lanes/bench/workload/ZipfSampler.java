package io.lanes.bench.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to {@code 1 / (rank + 1)^s} (Zipf), by binary
 * search over the cumulative distribution. Rank 0 is the hottest.
 */
public final class ZipfSampler {
    private final double[] cumulative;

    public ZipfSampler(final int n, final double exponent) {
        if (n < 1 || exponent < 0) {
            throw new IllegalArgumentException("Zipf needs n >= 1 and s >= 0: n=" + n + " s=" + exponent);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    public int sample(final SplittableRandom random) {
        final int found = Arrays.binarySearch(cumulative, random.nextDouble());
        final int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }

    /** Probability of a rank. */
    public double probability(final int rank) {
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
    }
}
