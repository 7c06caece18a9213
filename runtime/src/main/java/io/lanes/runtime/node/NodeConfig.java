package io.lanes.runtime.node;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code scripts/lanes} was asked for (see interfaces.md for the flags).
 *
 * @param dataDir        accounts, keypairs and (later) the ledger
 * @param rpcPort        JSON-RPC over HTTP on 127.0.0.1
 * @param ingestPort     binary transaction ingest over TCP
 * @param workers        execution worker threads
 * @param faucetKeypair  the faucet's keypair file; created and funded at genesis if absent
 * @param slotMillis     slot length
 * @param programJars    external programs to load
 * @param flushSlots     persist the accounts every this many slots (after the block is durable), which
 *                       bounds how much of the ledger a restart after a crash re-executes
 */
public record NodeConfig(
    Path dataDir, int rpcPort, int ingestPort, int workers, Path faucetKeypair, long slotMillis, List<Path> programJars,
    long flushSlots) {
    /** Default {@link #flushSlots()}: every 250 slots, 100 s at the default slot length. */
    public static final long DEFAULT_FLUSH_SLOTS = 250;
}
