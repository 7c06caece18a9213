package io.lanes.runtime.pipeline;

import io.lanes.locks.PackerConfig;

/**
 * How the parallel runtime is laid out.
 *
 * @param workers            execution workers, 1..64
 * @param threadingMode      which agents share threads
 * @param idleStrategy       name for {@link IdleStrategies#byName}
 * @param batchSize          most transactions per batch handed to a worker
 * @param lookahead          most pending transactions one scheduling pass looks at
 * @param inFlightBatches    most batches a worker holds between scheduling and completion
 * @param pendingCapacity    most transactions admitted and not yet completed (back-pressure bound)
 * @param inputCapacity      most submitted transactions waiting for admission
 * @param pinWorkers         pin dedicated worker threads to cores where the machine allows
 * @param arrivalOrder       schedule by arrival only, ignoring the compute-unit price: for replay,
 *                           where the order transactions are submitted in is the ledger's serial order
 */
public record RuntimeConfig(
    int workers,
    ThreadingMode threadingMode,
    String idleStrategy,
    int batchSize,
    int lookahead,
    int inFlightBatches,
    int pendingCapacity,
    int inputCapacity,
    boolean pinWorkers,
    boolean arrivalOrder) {

    public RuntimeConfig {
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be in 1..64: " + workers);
        }
        IdleStrategies.byName(idleStrategy);
        if (batchSize < 1 || lookahead < 1 || inFlightBatches < 1 || pendingCapacity < 1 || inputCapacity < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + this);
        }
    }

    /**
     * Batches a worker may hold: enough queued work (16 x 64 transactions, about a millisecond of
     * transfers) that it does not starve while the scheduler is parked or descheduled.
     */
    public static final int IN_FLIGHT_BATCHES = 16;

    /** Defaults: backoff idling, batches of 64, 16 batches in flight per worker. */
    public static RuntimeConfig defaults(final int workers, final ThreadingMode mode) {
        return new RuntimeConfig(workers, mode, IdleStrategies.DEFAULT, PackerConfig.DEFAULT_BATCH_SIZE,
            PackerConfig.defaults(workers).lookahead(), IN_FLIGHT_BATCHES, 16_384, 65_536, true, false);
    }

    /** Workers for this machine: cores - 1, at least 1. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public RuntimeConfig withIdleStrategy(final String name) {
        return new RuntimeConfig(workers, threadingMode, name, batchSize, lookahead, inFlightBatches,
            pendingCapacity, inputCapacity, pinWorkers, arrivalOrder);
    }

    /** Another batch size, with the packer's default lookahead for it. */
    public RuntimeConfig withBatchSize(final int size) {
        return new RuntimeConfig(workers, threadingMode, idleStrategy, size, PackerConfig.defaults(workers, size).lookahead(), inFlightBatches,
            pendingCapacity, inputCapacity, pinWorkers, arrivalOrder);
    }

    /**
     * The same layout scheduling in arrival order (replay): conflicting transactions then run in
     * the order they were submitted, whatever their compute-unit price.
     */
    public RuntimeConfig inArrivalOrder() {
        return new RuntimeConfig(workers, threadingMode, idleStrategy, batchSize, lookahead, inFlightBatches,
            pendingCapacity, inputCapacity, pinWorkers, true);
    }

    PackerConfig packerConfig() {
        return new PackerConfig(workers, batchSize, lookahead, batchSize * inFlightBatches);
    }
}
