/**
 * Replay: re-executing recorded blocks through the same scheduler and workers that executed them.
 *
 * <p>A block's entries list its transactions in a serial order: executing them one by one in that
 * order gives the recorded state. {@link io.lanes.runtime.replay.BlockReplayer} submits them in
 * that order to a {@link io.lanes.runtime.pipeline.ParallelRuntime} that schedules by arrival only
 * (the compute-unit price played its part when the block was made). The packer runs conflicting
 * transactions in submission order, so replay runs in parallel wherever the block allows and ends
 * in the recorded state; each transaction's result and the block's state hash are checked against
 * the record.
 *
 * <p>Used by the node's start-up recovery and by {@code verify-ledger}. May depend on
 * {@code runtime.exec}, {@code runtime.pipeline}, {@code runtime.store} and the {@code ledger}
 * module; nothing in {@code node}, {@code rpc} or {@code cli}.
 */
package io.lanes.runtime.replay;
