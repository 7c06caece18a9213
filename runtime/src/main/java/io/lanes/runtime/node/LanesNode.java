package io.lanes.runtime.node;

import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.RegisteredProgram;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.AccountStoreConfig;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final NodeConfig config;
    private final AccountStore store;
    private final Keypair faucet;
    private final Bank bank;
    private final ParallelRuntime runtime;
    private final ScheduledExecutorService slotClock;
    private volatile Hash finalStateHash;

    private LanesNode(final NodeConfig config, final ExecutionListener listener) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        this.faucet = loadOrCreateFaucet(config.faucetKeypair());
        final ProgramRegistry programs = ProgramRegistry.withBuiltins();
        for (final Path jar : config.programJars()) {
            final RegisteredProgram program = ExternalPrograms.load(jar);
            programs.register(program);
            LOG.log(System.Logger.Level.INFO, "loaded program " + program.name() + " at " + program.id() + " from " + jar);
        }
        this.store = OffHeapAccountStore.open(config.dataDir().resolve(ACCOUNTS_DIRECTORY), AccountStoreConfig.DEFAULT);
        if (store.find(faucet.publicKey()) < 0 || store.lamports(store.find(faucet.publicKey())) == 0) {
            Genesis.fund(store, faucet.publicKey(), FAUCET_LAMPORTS);
        }
        Genesis.addPrograms(store, programs);
        store.flush();
        this.bank = new Bank(store, programs, true);
        this.runtime = new ParallelRuntime(bank, RuntimeConfig.defaults(config.workers(), ThreadingMode.DEDICATED), listener);
        this.slotClock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "lanes-slot-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the data dir (genesis if new) and starts the runtime and the slot clock. */
    public static LanesNode start(final NodeConfig config, final ExecutionListener listener) throws IOException {
        final LanesNode node = new LanesNode(config, listener);
        node.runtime.start();
        node.slotClock.scheduleAtFixedRate(
            () -> node.runtime.runOnScheduler(node.bank::advanceSlot), config.slotMillis(), config.slotMillis(), TimeUnit.MILLISECONDS);
        return node;
    }

    private static Keypair loadOrCreateFaucet(final Path file) throws IOException {
        if (Files.exists(file)) {
            return Keypair.readFile(file);
        }
        final Keypair keypair = Keypair.generate();
        keypair.writeFile(file);
        return keypair;
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

    /** Stops the slot clock and the runtime (in-flight work finishes first), then persists the accounts. */
    @Override
    public void close() {
        slotClock.shutdownNow();
        try {
            runtime.awaitIdle(30, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runtime.close();
            store.flush();
            finalStateHash = store.stateHash();
            store.close();
        }
    }
}
