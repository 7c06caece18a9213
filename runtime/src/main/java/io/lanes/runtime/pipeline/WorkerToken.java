package io.lanes.runtime.pipeline;

/** What a worker puts on the completion queue: which worker finished a batch. Immutable, one per worker. */
record WorkerToken(int worker) {
}
