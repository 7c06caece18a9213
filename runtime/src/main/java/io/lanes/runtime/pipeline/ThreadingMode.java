package io.lanes.runtime.pipeline;

/**
 * Which agents share a thread, as in Aeron's media driver.
 */
public enum ThreadingMode {
    /**
     * One thread runs the scheduler and every worker in one duty cycle. Deterministic: the same
     * input gives the same batches, the same execution order and the same state. Used by tests,
     * replay and one-core machines.
     */
    SHARED,
    /** The scheduler and each worker on a thread of its own, workers pinned to cores where possible. */
    DEDICATED
}
