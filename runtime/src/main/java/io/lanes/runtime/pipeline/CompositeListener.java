package io.lanes.runtime.pipeline;

import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

import java.util.List;

/** Several listeners called in order. */
public final class CompositeListener implements ExecutionListener {
    private final ExecutionListener[] listeners;

    public CompositeListener(final List<ExecutionListener> listeners) {
        this.listeners = listeners.toArray(new ExecutionListener[0]);
    }

    @Override
    public void onRejected(final Transaction transaction, final TransactionError error) {
        for (final ExecutionListener listener : listeners) {
            listener.onRejected(transaction, error);
        }
    }

    @Override
    public void onExecuted(final ResolvedTransaction transaction, final ExecutionResult result) {
        for (final ExecutionListener listener : listeners) {
            listener.onExecuted(transaction, result);
        }
    }

    @Override
    public void onEntryEnd(final int worker, final int transactionCount) {
        for (final ExecutionListener listener : listeners) {
            listener.onEntryEnd(worker, transactionCount);
        }
    }
}
