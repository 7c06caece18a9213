/**
 * The account store: every account's lamports, owner, executable flag, rent epoch and data,
 * addressed by dense slot ids.
 *
 * <h2>What it owns</h2>
 * <ul>
 *   <li>{@link io.lanes.runtime.store.AccountStore}, the contract the executor, scheduler, RPC and
 *       ledger replay use, and {@link io.lanes.runtime.store.AccountBuffer}, the reusable copy of
 *       one account that load and save move state through;</li>
 *   <li>{@link io.lanes.runtime.store.OffHeapAccountStore}, its implementation: a key index
 *       (key to slot id, resolved once when a transaction is admitted), slot headers in off-heap
 *       chunks, account data in an off-heap arena with size classes and free lists, owners
 *       interned to small ids;</li>
 *   <li>persistence in Chronicle Map files (the store of record), with a redo journal that makes
 *       each flush atomic;</li>
 *   <li>the state hash: SHA-256 over the lane-wise u64 sum of per-account SHA-256 digests, see
 *       {@link io.lanes.runtime.store.StateHasher} for the exact bytes; kept incrementally by
 *       {@link io.lanes.runtime.store.StateHashCache} (only accounts changed since the previous
 *       hash are digested again).</li>
 * </ul>
 *
 * <h2>Threading rules</h2>
 * <ul>
 *   <li>Key resolution ({@code resolve}, {@code find}) has one writer thread, the admitting thread
 *       (scheduler or sequential executor); lookups only on that thread.</li>
 *   <li>Slot state ({@code load}, {@code save}, {@code saveLamports}, {@code lamports}, ...) may be
 *       used from several worker threads at once on different slots; no two threads may touch one
 *       slot at once if either writes (the lock table guarantees it), and the hand-off between
 *       threads (Disruptor, queues) publishes the writes. Data reallocation between size classes
 *       takes the arena's lock; owner interning of a new owner takes the owner table's lock.</li>
 *   <li>{@code flush}, {@code stateHash}, the {@code forEach} iterations and {@code close} run
 *       while no save is in flight (between batches, on the thread that owns the commit).</li>
 *   <li>{@code load} and {@code save} allocate nothing after warm-up.</li>
 * </ul>
 *
 * <h2>Durability</h2>
 * A persisted store is durable up to its last {@code flush}; {@code close} does not flush. After a
 * crash (or a close without flush) the changes saved since the last flush are gone and the ledger
 * module replays the transactions after that point. A crash during a flush is finished at the next
 * open from the flush journal, so the files always hold the state of one flush.
 *
 * <h2>Depends on</h2>
 * {@code io.lanes.sdk} (Pubkey, Hash) from the programs module, Agrona (off-heap buffers,
 * primitive collections) and Chronicle Map (files). Nothing else in the runtime.
 */
package io.lanes.runtime.store;
