package io.lanes.runtime.pipeline;

import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;

/**
 * One batch on a worker's ring buffer: references to the transactions to execute in order and
 * to the results to fill. Pre-allocated by the ring; the scheduler re-points it for every batch.
 */
final class BatchEvent {
    final ResolvedTransaction[] transactions;
    final ExecutionResult[] results;
    /** Non-null where the entry is a job instead of a transaction. */
    final WorkerJob[] jobs;
    int count;
    long slot;

    BatchEvent(final int capacity) {
        transactions = new ResolvedTransaction[capacity];
        results = new ExecutionResult[capacity];
        jobs = new WorkerJob[capacity];
    }
}
