package io.lanes.locks;

/**
 * Limits of a {@link BatchPacker}.
 *
 * @param workers              number of workers, 1..64
 * @param batchSize            most transactions one pass gives one worker
 * @param lookahead            most pending transactions one pass visits, in priority order
 * @param maxInFlightPerWorker most transactions a worker may hold between scheduling and completion
 */
public record PackerConfig(int workers, int batchSize, int lookahead, int maxInFlightPerWorker) {
    /** Default {@link #batchSize()}. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /** Least default {@link #lookahead()}; see {@link #defaults(int)}. */
    public static final int MIN_DEFAULT_LOOKAHEAD = 256;
    /** Default {@link #maxInFlightPerWorker()}, in batches. */
    public static final int DEFAULT_IN_FLIGHT_BATCHES = 4;

    /** Checks the limits. */
    public PackerConfig {
        requireBetween("workers", workers, 1, AccountLockTable.MAX_WORKERS);
        requireBetween("batchSize", batchSize, 1, Integer.MAX_VALUE);
        requireBetween("lookahead", lookahead, 1, Integer.MAX_VALUE);
        requireBetween("maxInFlightPerWorker", maxInFlightPerWorker, 1, Integer.MAX_VALUE);
    }

    /**
     * Default limits for {@code workers} workers. The lookahead is twice what one pass can hand out
     * ({@code workers * batchSize}), at least {@value #MIN_DEFAULT_LOOKAHEAD}: enough to fill every
     * batch when up to half of the visited transactions must wait, while a pass whose queue head is
     * blocked (its cost grows with the lookahead) stays short.
     */
    public static PackerConfig defaults(int workers) {
        return defaults(workers, DEFAULT_BATCH_SIZE);
    }

    /** Default limits for {@code workers} workers taking up to {@code batchSize} per pass. */
    public static PackerConfig defaults(int workers, int batchSize) {
        long lookahead = Math.max(MIN_DEFAULT_LOOKAHEAD, 2L * workers * batchSize);
        long maxInFlight = (long) DEFAULT_IN_FLIGHT_BATCHES * batchSize;
        return new PackerConfig(workers, batchSize, (int) Math.min(Integer.MAX_VALUE, lookahead),
                (int) Math.min(Integer.MAX_VALUE, maxInFlight));
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
    }
}
