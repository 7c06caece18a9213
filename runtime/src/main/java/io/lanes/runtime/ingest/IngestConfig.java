package io.lanes.runtime.ingest;

/**
 * Settings of the {@link IngestServer}.
 *
 * @param host               address to bind, normally {@code 127.0.0.1}
 * @param port               TCP port; 0 picks a free one ({@link IngestServer#port()} tells which)
 * @param eventLoopThreads   Netty threads that read, decode and sanitize (accepting shares them)
 * @param retryDelayMicros   how long a paused connection waits before offering its held
 *                           transaction to the stage again
 */
public record IngestConfig(String host, int port, int eventLoopThreads, long retryDelayMicros) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default {@code --ingest-port}. */
    public static final int DEFAULT_PORT = 8003;

    public IngestConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("eventLoopThreads must be at least 1, got " + eventLoopThreads);
        }
        if (retryDelayMicros < 1) {
            throw new IllegalArgumentException("retryDelayMicros must be at least 1, got " + retryDelayMicros);
        }
    }

    /**
     * The default retry delay: 2 ms. The verifier's queue holds 8,192 transactions, 0.4 s of work
     * at 20,000 verifications/s, so a paused connection loses nothing by waiting 2 ms. With 200 us
     * the e2e bench measured the ingest thread 83-85% busy (a JFR profile showed it in the event
     * loop's selectNow, not in decoding); with 2 ms, 2%, at the same or better throughput (W1 and
     * W2, 100,000 transactions, libsodium, 2 cores).
     */
    public static final long DEFAULT_RETRY_DELAY_MICROS = 2_000;

    /** 127.0.0.1 on the given port, one event loop thread, the default retry delay. */
    public static IngestConfig onPort(final int port) {
        return new IngestConfig(DEFAULT_HOST, port, 1, DEFAULT_RETRY_DELAY_MICROS);
    }
}
