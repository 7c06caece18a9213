package io.lanes.runtime.exec;

import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

/**
 * The baseline: admits and executes transactions one by one on the calling thread, in the order
 * given. No scheduler, no threads; the same admission and executor as the parallel runtime.
 */
public final class SequentialExecutor {
    private final Bank bank;
    private final TransactionExecutor executor;
    private final ResolvedTransaction resolved = new ResolvedTransaction();
    private long sequence;

    public SequentialExecutor(final Bank bank) {
        this.bank = bank;
        this.executor = new TransactionExecutor(bank.store(), bank.programs());
    }

    /** Admits, executes and commits one transaction; the outcome goes into {@code result}. */
    public void execute(final Transaction transaction, final ExecutionResult result) {
        final TransactionError rejection = bank.admit(transaction);
        if (rejection != null) {
            result.reset();
            result.reject(rejection);
            return;
        }
        resolved.resolve(transaction, bank.store(), sequence++);
        executor.execute(resolved, bank.slot(), result);
    }

    /** Executes an already-admitted, resolved transaction (replay and the parallel runtime's tests). */
    public void executeResolved(final ResolvedTransaction transaction, final ExecutionResult result) {
        executor.execute(transaction, bank.slot(), result);
    }

    /** Ends a block for the commutative additions: applies their sums to the store. */
    public void applyCommutativeAdds() {
        executor.applyCommutativeAdds();
    }

    public Bank bank() {
        return bank;
    }
}
