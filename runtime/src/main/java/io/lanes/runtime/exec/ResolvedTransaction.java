package io.lanes.runtime.exec;

import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.Transaction;

import java.util.Arrays;

/**
 * A transaction made ready to execute: each account key resolved to its dense store slot once,
 * the accounts split into the write and read sets the lock table needs, and the compute budget
 * and fee read. Filled by the admitting thread; pooled and reused, so resolving allocates nothing
 * after warm-up.
 */
public final class ResolvedTransaction {
    private static final int INITIAL_ACCOUNTS = 16;

    private Transaction transaction;
    private int[] slots = new int[INITIAL_ACCOUNTS];
    private int[] writeSlots = new int[INITIAL_ACCOUNTS];
    private int[] readSlots = new int[INITIAL_ACCOUNTS];
    private int accountCount;
    private int writeCount;
    private int readCount;
    private long sequence;
    private final ComputeBudget budget = new ComputeBudget();
    private TransactionError budgetError;

    /**
     * Resolves the transaction's keys against the store (creating empty slots for new keys) and
     * reads its budget. Must run on the store's index-writer thread.
     *
     * @param sequence the transaction's arrival number: the tie-breaker after priority
     */
    public ResolvedTransaction resolve(final Transaction transaction, final AccountStore store, final long sequence) {
        final Message message = transaction.message();
        this.transaction = transaction;
        this.sequence = sequence;
        this.accountCount = message.accountKeyCount();
        ensureCapacity(accountCount);
        writeCount = 0;
        readCount = 0;
        for (int i = 0; i < accountCount; i++) {
            final int slot = store.resolve(message.accountKey(i));
            slots[i] = slot;
            if (message.isWritable(i)) {
                writeSlots[writeCount++] = slot;
            } else {
                readSlots[readCount++] = slot;
            }
        }
        budgetError = budget.read(message);
        return this;
    }

    private void ensureCapacity(final int count) {
        if (slots.length < count) {
            final int capacity = Math.max(count, slots.length * 2);
            slots = Arrays.copyOf(slots, capacity);
            writeSlots = Arrays.copyOf(writeSlots, capacity);
            readSlots = Arrays.copyOf(readSlots, capacity);
        }
    }

    public Transaction transaction() {
        return transaction;
    }

    public Message message() {
        return transaction.message();
    }

    public int accountCount() {
        return accountCount;
    }

    /** The store slot of the message's account key at this index. */
    public int slot(final int accountIndex) {
        return slots[accountIndex];
    }

    /** Slots this transaction writes (lock table input); valid entries are 0 to writeCount() - 1. */
    public int[] writeSlots() {
        return writeSlots;
    }

    public int writeCount() {
        return writeCount;
    }

    /** Slots this transaction only reads. */
    public int[] readSlots() {
        return readSlots;
    }

    public int readCount() {
        return readCount;
    }

    public long sequence() {
        return sequence;
    }

    public ComputeBudget budget() {
        return budget;
    }

    /** Non-null if the compute budget instructions reject the transaction. */
    public TransactionError budgetError() {
        return budgetError;
    }

    /** Scheduling priority: the compute unit price (higher first); ties go by {@link #sequence()}. */
    public long priority() {
        return budget.unitPrice();
    }
}
