/**
 * Tally: a shared u64 counter that many transactions add to, written two ways. Passed writable,
 * the counter is read, added to and written back (every transaction write-locks it, so they run
 * one after another); passed read-only, the addition is commutative
 * ({@link io.lanes.sdk.program.InvokeContext#addCommutative}) and applied at the block's end, so
 * the transactions do not conflict on it. The W6 workload compares the two.
 *
 * <p>Depends on the SDK only.
 */
package io.lanes.programs.tally;
