package io.lanes.runtime.ingest;

import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.sdk.wire.Transaction;

/**
 * Where verified transactions go: the scheduler's admission. Same shape as
 * {@link RpcBackend#submit(Transaction)}, so {@code backend::submit} is a sink. Called from the
 * sigverify agents' threads, concurrently; may block (the stage then stops draining its queue
 * and the ingest port applies backpressure).
 */
@FunctionalInterface
public interface TransactionSink {
    /**
     * Takes a sanitized transaction whose signatures are all valid.
     *
     * @return null if accepted, else why not (e.g. AlreadyProcessed, BlockhashNotFound)
     */
    RpcBackend.SubmitRejection submit(Transaction transaction);
}
