/**
 * Account locks and batch packing: which transactions may run together, and on which worker.
 *
 * <p><b>Owns.</b> {@link io.lanes.locks.AccountLockTable} (read/write locks per dense account id,
 * held by workers 0..63) and {@link io.lanes.locks.BatchPacker} (pending transactions in priority
 * order, packed into per-worker batches so that parallel execution equals serial execution in the
 * order handed out, deterministically and without starvation).
 *
 * <p><b>May depend on.</b> The JDK and Agrona (primitive collections) only; nothing else of Lanes.
 * No threads, no I/O, no clocks: every decision is a function of the sequence of calls.
 *
 * <p><b>Threading.</b> Single-threaded: a packer and its lock table belong to the scheduler agent,
 * which alone calls them. Workers never touch them; their completions come back through the
 * scheduler, which calls {@link io.lanes.locks.BatchPacker#complete}.
 *
 * <p><b>States of a transaction.</b>
 * <pre>
 *   add()
 *     |
 *     v
 *  PENDING ----- schedule(): visited, conflicts with held locks on 2+ workers,  -----> BLOCKED
 *     ^          with a reservation, or no worker has room                             |
 *     |                                                                                |
 *     +------------------- end of that schedule() pass (reservations dropped) ---------+
 *     |
 *     | schedule(): visited, no reservation conflict, conflicting workers {} or {w},
 *     |             w has room; locks taken for w
 *     v
 *  SCHEDULED ---- sink.onScheduled(w, tx), same pass ----> EXECUTING (worker w runs its
 *                                                          queue in sink order)
 *                                                              |
 *                                                              | complete(w, tx): locks released,
 *                                                              v handle recycled
 *                                                            DONE
 * </pre>
 * A BLOCKED transaction reserves its accounts until the pass ends, so no later transaction that
 * conflicts with it is scheduled before it.
 */
package io.lanes.locks;
