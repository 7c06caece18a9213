package io.lanes.runtime.replay;

import io.lanes.ledger.Block;
import io.lanes.ledger.Entry;
import io.lanes.ledger.TransactionResult;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Re-executes recorded blocks, one after the other, on a store that holds the state before the
 * first of them, through a {@link ParallelRuntime} scheduling in arrival order (see the package
 * documentation). After each block it checks every transaction's outcome (succeeded or failed,
 * the error, the fee), and the state hash when asked, against the record, and throws a
 * {@link ReplayMismatchException} naming the slot, entry and transaction at the first difference.
 *
 * <p>{@link ThreadingMode#SHARED} runs everything on the caller's thread (deterministic, for tests
 * and tools); {@link ThreadingMode#DEDICATED} gives the scheduler and each worker a thread. One
 * caller thread; close it to stop the threads. The store is the caller's and stays open.
 */
public final class BlockReplayer implements AutoCloseable {
    /** How long one block may take before replay gives up. */
    private static final long BLOCK_TIMEOUT_SECONDS = 600;
    private static final long SUBMIT_RETRY_NANOS = 20_000;

    /** Sees each replayed transaction on the scheduler thread; the result object is reused afterwards. */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param index the transaction's index in the block (across its entries), which is also
         *              the index of its recorded result
         */
        void onReplayed(Block block, int index, Transaction transaction, ExecutionResult result);

        Observer NONE = (block, index, transaction, result) -> {
        };
    }

    private final AccountStore store;
    private final Bank bank;
    private final ParallelRuntime runtime;
    private final boolean drivenByCaller;
    private final Checker checker = new Checker();
    private long admittedBeforeBlock;
    private long replayedTransactions;

    /**
     * @param afterSlot the slot of the state the store holds (a snapshot's, or genesis); every
     *                  replayed block must be after it
     */
    public BlockReplayer(final AccountStore store, final ProgramRegistry programs, final int workers,
                         final ThreadingMode mode, final long afterSlot) {
        this.store = Objects.requireNonNull(store, "store");
        this.bank = new Bank(store, programs, false, afterSlot, Bank.blockhashForSlot(afterSlot));
        this.runtime = new ParallelRuntime(bank, RuntimeConfig.defaults(workers, mode).inArrivalOrder(), checker);
        this.drivenByCaller = mode == ThreadingMode.SHARED;
        if (!drivenByCaller) {
            runtime.start();
        }
    }

    /**
     * Re-executes one block and checks it against its record, state hash included.
     *
     * @return the state hash after the block (equal to the recorded one)
     * @throws ReplayMismatchException at the first transaction or state hash that differs
     */
    public Hash replayChecked(final Block block, final Observer observer) {
        final Hash stateHash = replay(block, observer);
        if (!stateHash.equals(block.stateHash())) {
            throw new ReplayMismatchException(block.slot(), -1, -1, "replay gives state hash " + stateHash
                + ", the ledger recorded " + block.stateHash());
        }
        return stateHash;
    }

    /**
     * Re-executes one block and checks each transaction's outcome against its record.
     *
     * @return the state hash after the block, for the caller to compare
     * @throws ReplayMismatchException at the first transaction whose outcome differs
     */
    public Hash replay(final Block block, final Observer observer) {
        bank.startRecordedSlot(block.slot(), block.blockhash());
        checker.begin(block, observer, admittedBeforeBlock);
        for (final Entry entry : block.entries()) {
            for (final byte[] wire : entry.transactionWires()) {
                submit(TransactionCodec.decode(wire));
            }
        }
        awaitIdle();
        runtime.applyCommutativeAdds();
        checker.throwFirstMismatch();
        if (checker.reported != block.transactionCount()) {
            throw new ReplayMismatchException(block.slot(), -1, -1, "replay reported " + checker.reported
                + " transactions, the block holds " + block.transactionCount());
        }
        admittedBeforeBlock += block.transactionCount();
        replayedTransactions += block.transactionCount();
        return store.stateHash();
    }

    /** Transactions replayed so far. */
    public long replayedTransactions() {
        return replayedTransactions;
    }

    private void submit(final Transaction transaction) {
        while (!runtime.submit(transaction)) {
            if (drivenByCaller) {
                runtime.runUntilIdle();
            } else {
                LockSupport.parkNanos(SUBMIT_RETRY_NANOS);
            }
        }
    }

    private void awaitIdle() {
        try {
            runtime.awaitIdle(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Compares each outcome with the record, on the scheduler thread; keeps the first difference. */
    private static final class Checker implements ExecutionListener {
        private Block block;
        private Observer observer;
        private long firstSequence;
        private int reported;
        private volatile ReplayMismatchException mismatch;

        void begin(final Block replayed, final Observer replayObserver, final long blockFirstSequence) {
            block = replayed;
            observer = replayObserver;
            firstSequence = blockFirstSequence;
            reported = 0;
            mismatch = null;
        }

        @Override
        public void onRejected(final Transaction transaction, final TransactionError error) {
            mismatchAt(-1, "transaction " + transaction.signature(0) + " was rejected at admission (" + error
                + "); the ledger executed it");
        }

        @Override
        public void onExecuted(final ResolvedTransaction transaction, final ExecutionResult result) {
            final int index = (int) (transaction.sequence() - firstSequence);
            reported++;
            final TransactionResult recorded = block.results().get(index);
            if (!sameOutcome(recorded, result)) {
                mismatchAt(index, "re-execution gives " + result + ", the ledger recorded " + recorded);
                return;
            }
            observer.onReplayed(block, index, transaction.transaction(), result);
        }

        private static boolean sameOutcome(final TransactionResult recorded, final ExecutionResult actual) {
            final boolean succeeded = actual.status() == TransactionStatus.SUCCEEDED;
            final boolean failed = actual.status() == TransactionStatus.FAILED;
            return (recorded.isSuccess() ? succeeded : failed)
                && Objects.equals(recorded.error(), actual.error()) && recorded.feeLamports() == actual.fee();
        }

        private void mismatchAt(final int index, final String detail) {
            if (mismatch != null) {
                return;
            }
            int entryIndex = -1;
            int withinEntry = -1;
            int remaining = index;
            for (int e = 0; index >= 0 && e < block.entries().size(); e++) {
                final int count = block.entries().get(e).transactionCount();
                if (remaining < count) {
                    entryIndex = e;
                    withinEntry = remaining;
                    break;
                }
                remaining -= count;
            }
            mismatch = new ReplayMismatchException(block.slot(), entryIndex, withinEntry, detail);
        }

        void throwFirstMismatch() {
            if (mismatch != null) {
                throw mismatch;
            }
        }
    }
}
