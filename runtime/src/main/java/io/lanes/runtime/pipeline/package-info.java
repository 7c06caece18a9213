/**
 * The parallel pipeline: a scheduler agent, one Disruptor ring buffer per worker, worker agents,
 * and a JCTools completion queue back to the scheduler.
 *
 * <pre>
 *  submit ──MPSC──▶ [scheduler]  admit (bank) → resolve keys → BatchPacker.add
 *                        │        BatchPacker.schedule → one batch per worker per pass
 *                        ├──ring 0──▶ [worker 0]  execute batch in order ──┐
 *                        ├──ring 1──▶ [worker 1]  execute batch in order ──┤
 *                        ◀──────── completions (MPSC of worker tokens) ◀───┘
 *                        report outcomes in recorded order, BatchPacker.complete (release locks)
 * </pre>
 *
 * <p>Serial equivalence: the packer only lets two conflicting transactions run in their priority
 * order (on one worker in sequence, or the later one after the earlier one's completion), so the
 * final state does not depend on thread timing. The scheduler reports each finished batch in the
 * order it processes completions; that order is a valid serial order (an entry per batch), and
 * executing it one by one reproduces the state.
 *
 * <p>Threading modes ({@link io.lanes.runtime.pipeline.ThreadingMode}): SHARED composes every
 * agent into one duty cycle (deterministic: same input, same batches, same order; used by tests,
 * replay and one-core machines); DEDICATED gives each agent a thread, pinning workers with OpenHFT
 * affinity where a CPU is free. Idle strategies are configurable; the default backs off so that
 * idle agents leave the cores to busy ones.
 *
 * <p>No allocation per transaction on the hot path: batch events are pre-allocated by the rings,
 * resolved transactions and results are pooled, completions are immutable per-worker tokens.
 *
 * <p>Depends on: exec, store, account-locks, LMAX Disruptor, JCTools, Agrona, OpenHFT affinity.
 */
package io.lanes.runtime.pipeline;
