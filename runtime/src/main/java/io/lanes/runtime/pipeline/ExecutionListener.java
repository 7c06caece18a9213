package io.lanes.runtime.pipeline;

import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

/**
 * Receives the runtime's outcomes on the scheduler thread, in the order the runtime records them:
 * executing the executed transactions one by one in exactly this order gives the same state.
 * Implementations must be quick and copy what they keep: the objects are reused afterwards.
 */
public interface ExecutionListener {
    /** Rejected at admission (blockhash, duplicate, budget, too many accounts): never executed. */
    default void onRejected(final Transaction transaction, final TransactionError error) {
    }

    /** Executed (or rejected by the executor: the fee payer could not pay); the result says which. */
    default void onExecuted(final ResolvedTransaction transaction, final ExecutionResult result) {
    }

    /** The transactions reported since the previous entry end form one entry (one worker batch). */
    default void onEntryEnd(final int worker, final int transactionCount) {
    }

    ExecutionListener NONE = new ExecutionListener() {
    };
}
