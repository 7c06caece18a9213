package io.lanes.runtime.pipeline;

import io.lanes.runtime.exec.TransactionExecutor;
import io.lanes.runtime.store.AccountStore;
import org.agrona.collections.IntArrayList;

/**
 * Work that must see accounts at one consistent point of the execution order without changing
 * them: RPC account reads and transaction simulation. The scheduler treats a job like a
 * transaction that only reads its accounts, with the highest priority: it runs on a worker after
 * every earlier conflicting write and before any later one, so it never sees a half-written
 * account, and a hot account cannot starve it.
 */
public interface WorkerJob {
    /**
     * On the scheduler thread: adds the store slots the job reads (the scheduler may create slots
     * for keys the store has not seen; use {@code store.find} to avoid that).
     */
    void addReadSlots(AccountStore store, IntArrayList readSlots);

    /** On a worker, while the read locks are held: read (or simulate against) the accounts. */
    void run(TransactionExecutor executor, AccountStore store, long slot);
}
