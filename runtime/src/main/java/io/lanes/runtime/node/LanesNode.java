package io.lanes.runtime.node;

import io.lanes.ledger.LedgerConfig;
import io.lanes.ledger.LedgerWriter;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.RegisteredProgram;
import io.lanes.runtime.pipeline.CompositeListener;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.ingest.IngestConfig;
import io.lanes.runtime.ingest.IngestServer;
import io.lanes.runtime.ingest.SigVerifyStage;
import io.lanes.runtime.rpc.PubSubServer;
import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.runtime.rpc.RpcServer;
import io.lanes.runtime.store.AccountStoreConfig;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running Lanes process: the persisted accounts in the data dir, the bank, the parallel
 * runtime and the slot clock. Genesis on the first start: the faucet keypair (created if its file
 * does not exist) funded with {@link #FAUCET_LAMPORTS}, and the built-in programs' accounts.
 */
public final class LanesNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LanesNode.class.getName());
    /** The faucet's balance at genesis: 500 million SOL. */
    public static final long FAUCET_LAMPORTS = 500_000_000L * Genesis.LAMPORTS_PER_SOL;
    public static final String ACCOUNTS_DIRECTORY = "accounts";
    /** Genesis is slot 0; blocks start at slot 1. */
    public static final long GENESIS_SLOT = 0;
    private static final long METRICS_SECONDS = 5;

    private final NodeConfig config;
    private final OffHeapAccountStore store;
    private final SnapshotWriter snapshots;
    private final Keypair faucet;
    private final Bank bank;
    private final ParallelRuntime runtime;
    private final ScheduledExecutorService slotClock;
    private final NodeState state;
    private final LedgerWriter ledger;
    private final NodeRpcBackend backend;
    private final NodeMetrics metrics;
    private RpcServer rpcServer;
    private PubSubServer pubSubServer;
    private SigVerifyStage sigVerify;
    private IngestServer ingestServer;
    private final byte[] runNonce = new byte[16];
    private volatile Hash finalStateHash;

    private LanesNode(final NodeConfig config, final ExecutionListener listener) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        this.faucet = NodeFiles.loadOrCreateKeypair(config.faucetKeypair());
        final ProgramRegistry programs = ProgramRegistry.withBuiltins();
        for (final Path jar : config.programJars()) {
            final RegisteredProgram program = ExternalPrograms.load(jar);
            programs.register(program);
            LOG.log(System.Logger.Level.INFO, "loaded program " + program.name() + " at " + program.id() + " from " + jar);
        }
        final LedgerConfig ledgerConfig = LedgerConfig.DEFAULT.withSegmentBytes(config.ledgerSegmentBytes());
        final Hash genesisHash = NodeFiles.genesisHash(config.dataDir(), faucet);
        this.ledger = LedgerWriter.open(config.dataDir(), GENESIS_SLOT, genesisHash, ledgerConfig);
        final OffHeapAccountStore liveStore = openLiveAccounts(config.dataDir(), ledger.lastSlot() > GENESIS_SLOT);
        final Hash genesisStateHash = genesisStateHash(liveStore, programs);
        final long recoveryStartNanos = System.nanoTime();
        final LedgerRecovery.Outcome recovery = ledger.lastSlot() > GENESIS_SLOT
            ? new LedgerRecovery(config.dataDir(), AccountStoreConfig.DEFAULT, programs, genesisStateHash, config.workers())
                .recover(liveStore, NodeState.MAX_RECORDS)
            : new LedgerRecovery.Outcome(requireOpen(liveStore), List.of(), 0, 0, "genesis");
        this.store = recovery.store();
        if (recovery.reexecutedBlocks() > 0 || liveStore != store) {
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "recovered from the ledger up to slot %d: started from %s, re-executed %d transactions in %d blocks"
                    + " with %d worker(s) in %.2f s",
                ledger.lastSlot(), recovery.startingPoint(), recovery.reexecutedTransactions(), recovery.reexecutedBlocks(),
                config.workers(), (System.nanoTime() - recoveryStartNanos) / 1e9));
        }
        Genesis.addPrograms(store, programs);
        store.flush();
        this.snapshots = new SnapshotWriter(config.dataDir(), store, config.keepSnapshots());
        final long startSlot = Math.max(Math.max(NodeFiles.readSlot(config.dataDir()), ledger.lastSlot() + 1), GENESIS_SLOT + 1);
        new java.security.SecureRandom().nextBytes(runNonce);
        this.bank = new Bank(store, programs, true, startSlot, blockhash(startSlot));
        this.state = new NodeState(bank, ledger, store::stateHash);
        recovery.recent().forEach(state::restore);
        this.runtime = new ParallelRuntime(bank, RuntimeConfig.defaults(config.workers(), ThreadingMode.DEDICATED),
            new CompositeListener(List.of(state, listener)));
        final Keypair identity = NodeFiles.loadOrCreateKeypair(config.dataDir().resolve("identity.json"));
        this.backend = new NodeRpcBackend(runtime, state, faucet, identity.publicKey(), genesisHash);
        this.metrics = new NodeMetrics(runtime, state);
        this.slotClock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "lanes-slot-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the data dir (genesis if new), starts the runtime and the slot clock, then the
     * JSON-RPC server on the RPC port and PubSub on the next port (0 picks free ports).
     */
    public static LanesNode start(final NodeConfig config, final ExecutionListener listener) throws IOException {
        final LanesNode node = new LanesNode(config, listener);
        node.runtime.start();
        node.slotClock.scheduleAtFixedRate(node::tick, config.slotMillis(), config.slotMillis(), TimeUnit.MILLISECONDS);
        node.slotClock.scheduleAtFixedRate(node::logMetrics, METRICS_SECONDS, METRICS_SECONDS, TimeUnit.SECONDS);
        try {
            node.rpcServer = new RpcServer(node.backend, config.rpcPort(), node.metrics::prometheus).start();
            node.pubSubServer = new PubSubServer(node.backend, config.rpcPort() == 0 ? 0 : config.rpcPort() + 1).start();
            node.sigVerify = new SigVerifyStage(node::submitWaitingForRoom).start();
            node.ingestServer = new IngestServer(IngestConfig.onPort(config.ingestPort()), node.sigVerify).start();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
            throw new IllegalStateException("interrupted while starting the servers", e);
        } catch (final RuntimeException e) {
            node.close();
            throw new IllegalStateException("cannot start the servers (rpc port " + config.rpcPort() + ", ingest port "
                + config.ingestPort() + "): " + e.getMessage(), e);
        }
        return node;
    }

    /** Every few seconds while transactions flow; an idle node stays quiet. */
    private void logMetrics() {
        final String line = metrics.logLineIfActive();
        if (line != null) {
            LOG.log(System.Logger.Level.INFO, line);
        }
    }

    /**
     * The ingest path's hand-off: when the runtime's input queue is full, the verifier waits for
     * room instead of dropping the transaction, so the back-pressure reaches the ingest sockets
     * (their reads pause while the verifier's queue is full). Gives up after a second.
     */
    private RpcBackend.SubmitRejection submitWaitingForRoom(final io.lanes.sdk.wire.Transaction transaction) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        RpcBackend.SubmitRejection rejection = backend.submit(transaction);
        while (rejection != null && rejection.error() == null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
            rejection = backend.submit(transaction);
        }
        return rejection;
    }

    /** The port the binary ingest server listens on. */
    public int ingestPort() {
        return ingestServer.port();
    }

    /** The port the JSON-RPC server listens on. */
    public int rpcPort() {
        return rpcServer.port();
    }

    /** The port the PubSub websocket server listens on. */
    public int pubSubPort() {
        return pubSubServer.port();
    }

    /** The slot clock: the next slot starts on the scheduler thread, between duty-cycle steps. */
    private void tick() {
        runtime.runExclusive(() -> {
            runtime.applyCommutativeAdds();
            state.advanceSlot(blockhash(bank.slot() + 1));
            final boolean snapshotDue = bank.slot() % config.snapshotSlots() == 0;
            if (bank.slot() % config.flushSlots() == 0 || snapshotDue) {
                persistAccounts(snapshotDue);
            }
        });
    }

    /**
     * A slot's blockhash: SHA-256 over this run's random nonce and the slot. Unique per run, so a
     * transaction signed before a restart can never be replayed after it while the status cache
     * is not persisted (the ledger will make this deterministic).
     */
    private Hash blockhash(final long slot) {
        return Hash.sha256(runNonce, java.nio.ByteBuffer.allocate(8).putLong(slot).array());
    }

    public NodeState state() {
        return state;
    }

    public NodeRpcBackend backend() {
        return backend;
    }

    public Keypair faucet() {
        return faucet;
    }

    public Bank bank() {
        return bank;
    }

    public ParallelRuntime runtime() {
        return runtime;
    }

    /** The state hash when {@link #close()} persisted the accounts; null before. */
    public Hash finalStateHash() {
        return finalStateHash;
    }

    /** The state hash of the accounts persisted in a data dir (the node must not be running on it). */
    public static Hash stateHashOf(final Path dataDir) {
        try (OffHeapAccountStore store = OffHeapAccountStore.open(dataDir.resolve(ACCOUNTS_DIRECTORY), AccountStoreConfig.DEFAULT)) {
            return store.stateHash();
        }
    }

    public NodeConfig config() {
        return config;
    }

    /**
     * Persists the accounts at a block boundary whose block is durable, so that a restart after a
     * crash re-executes only the blocks after it (recovery matches the accounts' state hash to a
     * block). Runs with nothing in flight.
     */
    private void persistAccounts(final boolean snapshot) {
        if (snapshots.isWriting()) {
            LOG.log(System.Logger.Level.DEBUG, "a snapshot is still being written: this flush is skipped");
            return;
        }
        if (!state.awaitDurable()) {
            return;
        }
        store.flush();
        final long blockSlot = state.lastBlockSlot();
        if (snapshot && blockSlot > GENESIS_SLOT && blockSlot != snapshots.newestSlot()) {
            snapshots.start(blockSlot, store.stateHash());
        }
    }

    /**
     * Opens the accounts directory. When it cannot be opened and a ledger exists, recovery restores
     * a snapshot instead (null); on a new data dir the error stands.
     */
    private static OffHeapAccountStore openLiveAccounts(final Path dataDir, final boolean ledgerHasBlocks) {
        try {
            return OffHeapAccountStore.open(dataDir.resolve(ACCOUNTS_DIRECTORY), AccountStoreConfig.DEFAULT);
        } catch (final RuntimeException e) {
            if (!ledgerHasBlocks) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "cannot open the accounts in " + dataDir.resolve(ACCOUNTS_DIRECTORY)
                + " (" + e.getMessage() + "); recovery will restore a snapshot");
            return null;
        }
    }

    private static OffHeapAccountStore requireOpen(final OffHeapAccountStore store) {
        if (store == null) {
            throw new IllegalStateException("the accounts cannot be opened and the ledger has no block to recover them from");
        }
        return store;
    }

    /**
     * The state hash right after genesis, recorded in the data dir on the first start. Genesis
     * runs when that record is absent and the store is empty; a store that has accounts but no
     * record crashed between its genesis flush and the record, and is the genesis state.
     */
    private Hash genesisStateHash(final OffHeapAccountStore liveStore, final ProgramRegistry programs) {
        final Hash recorded = NodeFiles.readGenesisStateHash(config.dataDir());
        if (recorded != null) {
            return recorded;
        }
        requireOpen(liveStore);
        if (liveStore.accountCount() == 0) {
            Genesis.fund(liveStore, faucet.publicKey(), FAUCET_LAMPORTS);
            Genesis.addPrograms(liveStore, programs);
            liveStore.flush();
        }
        final Hash genesis = liveStore.stateHash();
        NodeFiles.writeGenesisStateHash(config.dataDir(), genesis);
        return genesis;
    }

    private void closeLedger() {
        try {
            ledger.close();
        } catch (final java.io.IOException e) {
            LOG.log(System.Logger.Level.ERROR, "the ledger did not close cleanly: " + e);
        }
    }

    /** Stops the slot clock and the runtime (in-flight work finishes first), then persists the accounts. */
    @Override
    public void close() {
        if (rpcServer != null) {
            rpcServer.close();
        }
        if (pubSubServer != null) {
            pubSubServer.close();
        }
        if (ingestServer != null) {
            ingestServer.close();
        }
        if (sigVerify != null) {
            sigVerify.close();
        }
        slotClock.shutdownNow();
        try {
            runtime.awaitIdle(30, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runtime.close();
            snapshots.close();
            runtime.applyCommutativeAdds();
            state.sealBlock(bank.slot());
            closeLedger();
            NodeFiles.writeSlot(config.dataDir(), bank.slot() + 1);
            store.flush();
            finalStateHash = store.stateHash();
            store.close();
        }
    }
}
