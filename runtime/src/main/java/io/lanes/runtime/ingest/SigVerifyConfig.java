package io.lanes.runtime.ingest;

import io.lanes.runtime.pipeline.IdleStrategies;

/**
 * Settings of the {@link SigVerifyStage}.
 *
 * @param agentCount                verifier threads (default: cores - 1, at least 1)
 * @param queueCapacity             transactions waiting for verification at most (rounded up to a power of two)
 * @param maxBatchSignatures        signatures one agent verifies per duty cycle at most (at least 32: one
 *                                  transaction carries at most 12)
 * @param recentSignatureSlots      slots of the duplicate pre-filter (8 bytes each; 0 turns it off)
 * @param idleStrategy              an {@link IdleStrategies} name for agents with nothing to do
 */
public record SigVerifyConfig(
    int agentCount, int queueCapacity, int maxBatchSignatures, int recentSignatureSlots, String idleStrategy) {

    /**
     * Most signatures a 1232-byte wire transaction can carry: each needs 64 bytes of signature
     * and 32 of key, after at least 38 bytes of counts, header and blockhash: (1232 - 38) / 96.
     */
    public static final int MAX_SIGNATURES_PER_TRANSACTION = (1232 - 38) / 96;
    /** Smallest batch: room for more than two of the largest transactions. */
    public static final int MIN_BATCH_SIGNATURES = 32;

    public SigVerifyConfig {
        if (agentCount < 1) {
            throw new IllegalArgumentException("agentCount must be at least 1, got " + agentCount);
        }
        if (queueCapacity < 2) {
            throw new IllegalArgumentException("queueCapacity must be at least 2, got " + queueCapacity);
        }
        if (maxBatchSignatures < MIN_BATCH_SIGNATURES) {
            throw new IllegalArgumentException("maxBatchSignatures must be at least " + MIN_BATCH_SIGNATURES
                + ", got " + maxBatchSignatures);
        }
        if (recentSignatureSlots < 0) {
            throw new IllegalArgumentException("recentSignatureSlots must not be negative, got " + recentSignatureSlots);
        }
        IdleStrategies.byName(idleStrategy);
    }

    /** Cores - 1 agents (at least 1), 8192 queued transactions, 64-signature batches, 256 Ki recent signatures (2 MiB), backoff. */
    public static SigVerifyConfig defaults() {
        return new SigVerifyConfig(defaultAgentCount(), 8192, 64, 1 << 18, IdleStrategies.DEFAULT);
    }

    /** System property that sets {@link #defaultAgentCount()}. */
    public static final String AGENTS_PROPERTY = "lanes.sigverify.agents";

    /**
     * {@code -Dlanes.sigverify.agents=N} if given, else cores - 1 and at least 2. Verification is
     * the node's most expensive stage per transaction (about 90 us per signature with
     * BouncyCastle, 50 us with libsodium, against about 1-2 us for scheduling and executing a
     * transfer), so it gets the cores: on 2 cores the pipeline bench measured 10,864-10,868 TPS
     * with one BouncyCastle agent (busy 94-95%, the node's threads using 1.2 cores in all) and
     * 17,827-19,189 TPS with two (W1 accounts=10000 and W2, 100,000 transactions).
     */
    public static int defaultAgentCount() {
        final int agents = Integer.getInteger(AGENTS_PROPERTY, Math.max(2, Runtime.getRuntime().availableProcessors() - 1));
        return Math.max(1, agents);
    }

    public SigVerifyConfig withAgentCount(final int agents) {
        return new SigVerifyConfig(agents, queueCapacity, maxBatchSignatures, recentSignatureSlots, idleStrategy);
    }

    public SigVerifyConfig withQueueCapacity(final int capacity) {
        return new SigVerifyConfig(agentCount, capacity, maxBatchSignatures, recentSignatureSlots, idleStrategy);
    }

    public SigVerifyConfig withRecentSignatureSlots(final int slots) {
        return new SigVerifyConfig(agentCount, queueCapacity, maxBatchSignatures, slots, idleStrategy);
    }
}
