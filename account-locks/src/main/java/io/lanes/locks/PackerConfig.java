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
    /** Default {@link #lookahead()}. */
    public static final int DEFAULT_LOOKAHEAD = 1024;
    /** Default {@link #maxInFlightPerWorker()}, in batches. */
    public static final int DEFAULT_IN_FLIGHT_BATCHES = 4;

    /** Checks the limits. */
    public PackerConfig {
        requireBetween("workers", workers, 1, AccountLockTable.MAX_WORKERS);
        requireBetween("batchSize", batchSize, 1, Integer.MAX_VALUE);
        requireBetween("lookahead", lookahead, 1, Integer.MAX_VALUE);
        requireBetween("maxInFlightPerWorker", maxInFlightPerWorker, 1, Integer.MAX_VALUE);
    }

    /** Default limits for {@code workers} workers. */
    public static PackerConfig defaults(int workers) {
        return new PackerConfig(workers, DEFAULT_BATCH_SIZE, DEFAULT_LOOKAHEAD,
                DEFAULT_IN_FLIGHT_BATCHES * DEFAULT_BATCH_SIZE);
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
    }
}
