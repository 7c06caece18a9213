package io.lanes.ledger;

import java.util.Objects;

/**
 * Writer settings.
 *
 * @param segmentBytes         a segment is rolled before a record would take it past this size
 *                             (a single larger record gets a segment of its own)
 * @param queueCapacityBlocks  blocks that may wait for the writer thread; {@link LedgerWriter#append}
 *                             blocks when they are this many
 * @param maxBatchBytes        the writer stops adding blocks to a group commit past this many bytes
 * @param sync                 how written bytes are made durable
 */
public record LedgerConfig(long segmentBytes, int queueCapacityBlocks, int maxBatchBytes, ChannelSync sync) {
    /** 64 MiB segments, 1024 queued blocks, 4 MiB per group commit, fdatasync. */
    public static final LedgerConfig DEFAULT = new LedgerConfig(64L << 20, 1024, 4 << 20, ChannelSync.FDATASYNC);

    public LedgerConfig {
        Objects.requireNonNull(sync, "sync");
        if (segmentBytes < 4096 || queueCapacityBlocks < 1 || maxBatchBytes < 1) {
            throw new IllegalArgumentException("segmentBytes >= 4096, queueCapacityBlocks >= 1 and maxBatchBytes >= 1: "
                + segmentBytes + ", " + queueCapacityBlocks + ", " + maxBatchBytes);
        }
    }

    public LedgerConfig withSegmentBytes(final long bytes) {
        return new LedgerConfig(bytes, queueCapacityBlocks, maxBatchBytes, sync);
    }

    public LedgerConfig withQueueCapacityBlocks(final int blocks) {
        return new LedgerConfig(segmentBytes, blocks, maxBatchBytes, sync);
    }

    public LedgerConfig withMaxBatchBytes(final int bytes) {
        return new LedgerConfig(segmentBytes, queueCapacityBlocks, bytes, sync);
    }

    public LedgerConfig withSync(final ChannelSync channelSync) {
        return new LedgerConfig(segmentBytes, queueCapacityBlocks, maxBatchBytes, channelSync);
    }
}
