package io.lanes.runtime.node;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code scripts/lanes} was asked for (see interfaces.md for the flags).
 *
 * @param dataDir            accounts, ledger, snapshots and keypairs
 * @param rpcPort            JSON-RPC over HTTP on 127.0.0.1
 * @param ingestPort         binary transaction ingest over TCP
 * @param workers            execution worker threads
 * @param faucetKeypair      the faucet's keypair file; created and funded at genesis if absent
 * @param slotMillis         slot length
 * @param programJars        external programs to load
 * @param flushSlots         persist the accounts every this many slots (after the block is durable), which
 *                           bounds how much of the ledger a restart after a crash re-executes
 * @param snapshotSlots      write a snapshot of the accounts every this many slots (right after a flush)
 * @param keepSnapshots      snapshots kept; ledger segments older than the oldest kept one are deleted
 * @param ledgerSegmentBytes size at which the ledger starts a new segment file
 */
public record NodeConfig(
    Path dataDir, int rpcPort, int ingestPort, int workers, Path faucetKeypair, long slotMillis, List<Path> programJars,
    long flushSlots, long snapshotSlots, int keepSnapshots, long ledgerSegmentBytes) {
    /** Default {@link #flushSlots()}: every 250 slots, 100 s at the default slot length. */
    public static final long DEFAULT_FLUSH_SLOTS = 250;
    /** Default {@link #snapshotSlots()}: every 1,000 slots, 400 s at the default slot length. */
    public static final long DEFAULT_SNAPSHOT_SLOTS = 1_000;
    /** Default {@link #keepSnapshots()}. */
    public static final int DEFAULT_KEEP_SNAPSHOTS = 2;
    /** Default {@link #ledgerSegmentBytes()}: 64 MiB. */
    public static final long DEFAULT_LEDGER_SEGMENT_BYTES = 64L << 20;

    public NodeConfig {
        if (slotMillis < 1 || flushSlots < 1 || snapshotSlots < 1 || keepSnapshots < 1 || workers < 1) {
            throw new IllegalArgumentException("slot length, flush and snapshot intervals, kept snapshots and workers must be"
                + " at least 1: " + slotMillis + ", " + flushSlots + ", " + snapshotSlots + ", " + keepSnapshots + ", " + workers);
        }
        if (ledgerSegmentBytes < 4096) {
            throw new IllegalArgumentException("ledger segments must be at least 4096 bytes: " + ledgerSegmentBytes);
        }
        programJars = List.copyOf(programJars);
    }

    /** A configuration with the default snapshot and ledger settings. */
    public NodeConfig(final Path dataDir, final int rpcPort, final int ingestPort, final int workers, final Path faucetKeypair,
                      final long slotMillis, final List<Path> programJars, final long flushSlots) {
        this(dataDir, rpcPort, ingestPort, workers, faucetKeypair, slotMillis, programJars, flushSlots,
            DEFAULT_SNAPSHOT_SLOTS, DEFAULT_KEEP_SNAPSHOTS, DEFAULT_LEDGER_SEGMENT_BYTES);
    }
}
