package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;

import java.util.function.IntConsumer;

/**
 * The accounts: a key index that maps each 32-byte key to a dense slot id once, and per-slot
 * state that execution reads and writes by slot id.
 *
 * <h2>Threading</h2>
 * The index ({@link #resolve}, {@link #find}) has a single writer: the thread that admits
 * transactions (the scheduler, or the sequential executor's thread). Slot state may be read and
 * written from worker threads concurrently as long as no two threads touch the same slot at once
 * with one of them writing: the lock table guarantees that, and the hand-off between threads
 * (Disruptor, JCTools queues) publishes the writes.
 *
 * <p>An account with zero lamports does not exist: {@link #load} gives a cleared buffer for it,
 * saving zero lamports deletes it, and the state hash leaves it out.
 */
public interface AccountStore extends AutoCloseable {
    /** The slot of the key, creating an empty (non-existent) one if the key is new. */
    int resolve(Pubkey key);

    /** The slot of the key, or -1 if the store never saw it. */
    int find(Pubkey key);

    /** The key of a slot; the same object every time. */
    Pubkey key(int slot);

    /** Slots handed out so far: slot ids are 0 to slotCount() - 1. */
    int slotCount();

    long lamports(int slot);

    /** The slot's owner (System for an account that does not exist); the interned object. */
    Pubkey owner(int slot);

    /** The slot's data length in bytes (0 for an account that does not exist). */
    int dataLength(int slot);

    /** Copies the slot's state into the buffer. */
    void load(int slot, AccountBuffer into);

    /** Replaces the slot's state with the buffer's. Zero lamports deletes the account. */
    void save(int slot, AccountBuffer from);

    /** Only the lamports change (the fee debit of a failed transaction). */
    void saveLamports(int slot, long lamports);

    /** Number of accounts that exist (non-zero lamports). */
    long accountCount();

    /** Deterministic hash over every existing account, independent of slot order and layout. */
    Hash stateHash();

    /**
     * Calls the action with the slot of every existing account (non-zero lamports), in slot order.
     * Call it while no thread saves (between batches), like {@link #stateHash}.
     */
    void forEachAccount(IntConsumer action);

    /** {@link #forEachAccount} restricted to accounts owned by the owner (a scan of all slots). */
    void forEachAccountOwnedBy(Pubkey owner, IntConsumer action);

    /** Makes everything saved so far durable (no-op for a store in memory). */
    void flush();

    @Override
    void close();
}
