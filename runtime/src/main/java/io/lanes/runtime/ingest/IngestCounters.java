package io.lanes.runtime.ingest;

import java.util.concurrent.atomic.LongAdder;

/**
 * Monotonic counts of the ingest port and the sigverify stage, for metrics. Written by event loops
 * and agents concurrently (striped adders: no contention on the hot path), read at any time. The
 * queue depth is a gauge of the stage ({@link SigVerifyStage#queueDepth()}), not a count.
 */
public final class IngestCounters {
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder malformedFrames = new LongAdder();
    private final LongAdder sanitizeFailures = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosedForBadInput = new LongAdder();
    private final LongAdder backpressurePauses = new LongAdder();
    private final LongAdder queueFullRejections = new LongAdder();
    private final LongAdder signatureFailures = new LongAdder();
    private final LongAdder duplicatesDropped = new LongAdder();
    private final LongAdder sinkRejections = new LongAdder();
    private final LongAdder accepted = new LongAdder();

    /** Complete frames read from sockets (good or bad), not counting bad length prefixes. */
    public long framesReceived() {
        return framesReceived.sum();
    }

    /** Frames whose length was 0 or over 1232, or whose bytes did not decode as one transaction. */
    public long malformedFrames() {
        return malformedFrames.sum();
    }

    /** Decoded transactions that failed Solana's sanitize rules. */
    public long sanitizeFailures() {
        return sanitizeFailures.sum();
    }

    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** Connections the port closed because of a bad frame. */
    public long connectionsClosedForBadInput() {
        return connectionsClosedForBadInput.sum();
    }

    /** Times a connection stopped reading because the stage's queue was full. */
    public long backpressurePauses() {
        return backpressurePauses.sum();
    }

    /** {@link SigVerifyStage#offer} calls answered false (queue full); the caller retried or gave up. */
    public long queueFullRejections() {
        return queueFullRejections.sum();
    }

    /** Transactions with at least one invalid signature. */
    public long signatureFailures() {
        return signatureFailures.sum();
    }

    /** Transactions dropped because their first signature was verified recently (pre-filter). */
    public long duplicatesDropped() {
        return duplicatesDropped.sum();
    }

    /** Verified transactions the sink refused. */
    public long sinkRejections() {
        return sinkRejections.sum();
    }

    /** Verified transactions the sink took. */
    public long accepted() {
        return accepted.sum();
    }

    void frameReceived() {
        framesReceived.increment();
    }

    void malformedFrame() {
        malformedFrames.increment();
    }

    void sanitizeFailure() {
        sanitizeFailures.increment();
    }

    void connectionOpened() {
        connectionsOpened.increment();
    }

    void connectionClosedForBadInput() {
        connectionsClosedForBadInput.increment();
    }

    void backpressurePause() {
        backpressurePauses.increment();
    }

    void queueFull() {
        queueFullRejections.increment();
    }

    void signatureFailure() {
        signatureFailures.increment();
    }

    void duplicateDropped() {
        duplicatesDropped.increment();
    }

    void sinkRejection() {
        sinkRejections.increment();
    }

    void acceptedOne() {
        accepted.increment();
    }

    @Override
    public String toString() {
        return "frames=" + framesReceived() + " malformed=" + malformedFrames() + " sanitizeFailures=" + sanitizeFailures()
            + " signatureFailures=" + signatureFailures() + " duplicates=" + duplicatesDropped()
            + " sinkRejections=" + sinkRejections() + " accepted=" + accepted()
            + " connections=" + connectionsOpened() + " closedForBadInput=" + connectionsClosedForBadInput()
            + " pauses=" + backpressurePauses() + " queueFull=" + queueFullRejections();
    }
}
