package io.lanes.locks;

/**
 * Receives the transactions that one {@link BatchPacker#schedule} pass hands to workers.
 *
 * <p>Calls come in the order each worker must execute the transactions: a worker runs its
 * transactions one after another in the order it was given them, across passes.
 * The sink must not call back into the packer.
 */
@FunctionalInterface
public interface ScheduleSink {
    /** {@code txHandle} is now locked for {@code worker}, queued behind the worker's earlier transactions. */
    void onScheduled(int worker, int txHandle);
}
