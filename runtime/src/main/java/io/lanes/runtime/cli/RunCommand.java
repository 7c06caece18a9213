package io.lanes.runtime.cli;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.node.LanesNode;
import io.lanes.runtime.node.NodeConfig;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code lanes run} (the default): starts the runtime on a data dir. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Starts the runtime (the default command).")
final class RunCommand implements Callable<Integer> {
    private static final int DEMO_TRANSFERS = 1_000;

    @Option(names = "--data-dir", defaultValue = "./lanes-data", description = "Accounts, ledger, keypairs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--rpc-port", defaultValue = "8899", description = "JSON-RPC port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int rpcPort;

    @Option(names = "--ingest-port", defaultValue = "8003", description = "Binary transaction ingest port (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--workers", description = "Execution worker threads (default: cores - 1, at least 1).")
    Integer workers;

    @Option(names = "--faucet-keypair", description = "Faucet keypair file (default: DATA/faucet.json, created at genesis).")
    Path faucetKeypair;

    @Option(names = "--slot-ms", defaultValue = "400", description = "Slot length in milliseconds (default: ${DEFAULT-VALUE}).")
    long slotMillis;

    @Option(names = "--program", description = "An external program jar to load (repeatable).")
    List<Path> programJars = new ArrayList<>();

    @Option(names = "--flush-slots", defaultValue = "" + NodeConfig.DEFAULT_FLUSH_SLOTS,
        description = "Persist the accounts every N slots; bounds the replay after a crash (default: ${DEFAULT-VALUE}).")
    long flushSlots;

    @Option(names = "--snapshot-slots", defaultValue = "" + NodeConfig.DEFAULT_SNAPSHOT_SLOTS,
        description = "Write a snapshot of the accounts every N slots, in the background (default: ${DEFAULT-VALUE}).")
    long snapshotSlots;

    @Option(names = "--keep-snapshots", defaultValue = "" + NodeConfig.DEFAULT_KEEP_SNAPSHOTS,
        description = "Snapshots kept; ledger segments older than the oldest kept one are deleted (default: ${DEFAULT-VALUE}).")
    int keepSnapshots;

    @Option(names = "--ledger-segment-bytes", defaultValue = "" + NodeConfig.DEFAULT_LEDGER_SEGMENT_BYTES,
        description = "Start a new ledger segment file past this size (default: ${DEFAULT-VALUE}).")
    long ledgerSegmentBytes;

    @Option(names = "--print-state-hash", description = "Print the state hash of the data dir and exit.")
    boolean printStateHash;

    @Override
    public Integer call() throws Exception {
        if (printStateHash) {
            return PrintStateHashCommand.print(dataDir);
        }
        final String problem = validate();
        if (problem != null) {
            System.err.println("lanes: " + problem);
            return 2;
        }
        final boolean fresh = !Files.isDirectory(dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY));
        final NodeConfig config = new NodeConfig(dataDir, rpcPort, ingestPort,
            workers == null ? RuntimeConfig.defaultWorkers() : workers,
            faucetKeypair == null ? dataDir.resolve("faucet.json") : faucetKeypair, slotMillis, programJars, flushSlots,
            snapshotSlots, keepSnapshots, ledgerSegmentBytes);
        final DemoListener listener = new DemoListener();
        final LanesNode node;
        try {
            node = LanesNode.start(config, listener);
        } catch (final IllegalArgumentException | IllegalStateException e) {
            System.err.println("lanes: " + e.getMessage());
            return 1;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(node, stopped), "lanes-shutdown"));
        System.out.println("lanes ready rpc=http://127.0.0.1:" + node.rpcPort() + " ingest=127.0.0.1:" + node.ingestPort()
            + " faucet=" + node.faucet().publicKey());
        System.out.flush();
        if (fresh) {
            runDemo(node, listener);
        }
        stopped.await();
        return 0;
    }

    private String validate() {
        if (workers != null && (workers < 1 || workers > 64)) {
            return "--workers must be between 1 and 64, got " + workers;
        }
        if (flushSlots < 1) {
            return "--flush-slots must be positive, got " + flushSlots;
        }
        if (snapshotSlots < 1) {
            return "--snapshot-slots must be positive, got " + snapshotSlots;
        }
        if (keepSnapshots < 1) {
            return "--keep-snapshots must be at least 1, got " + keepSnapshots;
        }
        if (ledgerSegmentBytes < 4096) {
            return "--ledger-segment-bytes must be at least 4096, got " + ledgerSegmentBytes;
        }
        if (slotMillis < 1) {
            return "--slot-ms must be positive, got " + slotMillis;
        }
        for (final int port : new int[] {rpcPort, ingestPort}) {
            if (port < 1 || port > 65_535) {
                return "ports must be between 1 and 65535, got " + port;
            }
        }
        for (final Path jar : programJars) {
            if (!Files.isRegularFile(jar)) {
                return "--program " + jar + ": no such file";
            }
        }
        return null;
    }

    /** First start only: the faucet pays 1 SOL to each of 1,000 new wallets, through the parallel runtime. */
    private static void runDemo(final LanesNode node, final DemoListener listener) throws InterruptedException {
        final Keypair faucet = node.faucet();
        final List<Transaction> transfers = new ArrayList<>(DEMO_TRANSFERS);
        for (int i = 0; i < DEMO_TRANSFERS; i++) {
            final Keypair wallet = Keypair.generate();
            transfers.add(TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(), node.state().latestBlockhash(),
                List.of(SystemInstruction.transfer(faucet.publicKey(), wallet.publicKey(), Genesis.LAMPORTS_PER_SOL))), faucet));
        }
        final long startNanos = System.nanoTime();
        for (final Transaction transfer : transfers) {
            while (!node.runtime().submit(transfer)) {
                Thread.onSpinWait();
            }
        }
        node.runtime().awaitIdle(60, TimeUnit.SECONDS);
        final long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        System.out.println("lanes demo: " + DEMO_TRANSFERS + " faucet transfers through " + node.config().workers()
            + " worker(s) in " + elapsedMillis + " ms: " + listener.succeeded.get() + " succeeded, "
            + listener.failed.get() + " failed, " + listener.rejected.get() + " rejected");
    }

    private static void shutdown(final LanesNode node, final CountDownLatch stopped) {
        System.out.println("lanes: stopping (finishing in-flight work, persisting accounts)");
        node.close();
        System.out.println("lanes: stopped; state hash " + node.finalStateHash());
        System.out.flush();
        stopped.countDown();
        Runtime.getRuntime().halt(0);
    }

    /** Counts outcomes (on the scheduler thread). */
    private static final class DemoListener implements ExecutionListener {
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();

        @Override
        public void onRejected(final Transaction transaction, final io.lanes.sdk.program.TransactionError error) {
            rejected.incrementAndGet();
        }

        @Override
        public void onExecuted(final ResolvedTransaction transaction, final ExecutionResult result) {
            if (result.status() == TransactionStatus.SUCCEEDED) {
                succeeded.incrementAndGet();
            } else if (result.status() == TransactionStatus.FAILED) {
                failed.incrementAndGet();
            } else {
                rejected.incrementAndGet();
            }
        }
    }
}
