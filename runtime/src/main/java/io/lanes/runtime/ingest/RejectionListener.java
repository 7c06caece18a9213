package io.lanes.runtime.ingest;

import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

/**
 * Told about every transaction the sigverify stage does not hand on (bad signature, duplicate
 * signature) or that the sink refuses. Called on a sigverify agent's thread; must be quick and
 * must not throw. The RPC path may use it to report a status; the ingest port has no reply channel.
 */
@FunctionalInterface
public interface RejectionListener {
    /** Ignores every rejection (the counters still count them). */
    RejectionListener NONE = (transaction, kind, reason) -> {
    };

    /**
     * @param kind   SignatureFailure, AlreadyProcessed (duplicate seen by the pre-filter), or the sink's error kind
     * @param reason a sentence for logs and RPC error messages
     */
    void rejected(Transaction transaction, TransactionError.Kind kind, String reason);
}
