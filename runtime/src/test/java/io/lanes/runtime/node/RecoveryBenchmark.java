package io.lanes.runtime.node;

import io.lanes.ledger.LedgerWriter;
import io.lanes.programs.system.SystemInstruction;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.pipeline.ThreadingMode;
import io.lanes.runtime.store.AccountStoreConfig;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.runtime.testing.TestFiles;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The cost of durability and the speed of recovery, side by side in one JVM, on W1-style transfers
 * among 10,000 funded accounts, sealed into blocks of 10,000 transactions:
 * <ol>
 *   <li>execute only: the parallel runtime, no listener (the bench's execute stage);</li>
 *   <li>with the node's state: plus status records, per-block seal (no ledger);</li>
 *   <li>durable: plus entry hashing, the state hash per block and the ledger with fdatasync,
 *       timed until the last block is durable;</li>
 *   <li>recovery: a node started on that data dir with its accounts at genesis (as after a crash
 *       before the first flush) re-executes the whole ledger, with 1 and with 2 workers.</li>
 * </ol>
 * Not a test; run by hand (command in runtime/README.md, section "Node"). Args:
 * transactions (default 1,000,000).
 */
public final class RecoveryBenchmark {
    private static final int PAYERS = 10_000;
    private static final int BLOCK_TRANSACTIONS = 10_000;
    private static final int WORKERS = 1;
    private static final long PAYER_LAMPORTS = 10 * Genesis.LAMPORTS_PER_SOL;
    private static final long FULL_QUEUE_PARK_NANOS = 50_000;

    private enum Variant { EXECUTE_ONLY, NODE_STATE, DURABLE }

    private RecoveryBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final Path root = Files.createTempDirectory("lanes-recovery-bench");
        final Path dataDir = root.resolve("node");
        LanesNode.start(nodeConfig(dataDir, WORKERS), ExecutionListener.NONE).close();
        final Path genesisAccounts = root.resolve("genesis-accounts");
        TestFiles.copyTree(dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY), genesisAccounts);
        final Keypair faucet = Keypair.readFile(dataDir.resolve("faucet.json"));
        final List<Keypair> payers = payers();
        final List<Transaction> funding = funding(faucet, payers);
        System.out.printf(Locale.ROOT, "signing %,d transfers among %,d accounts...%n", transactions, PAYERS);
        final List<Transaction> transfers = transfers(payers, transactions);

        run(Variant.EXECUTE_ONLY, root.resolve("warm-up"), genesisAccounts, funding, transfers.subList(0, transactions / 5), null);
        final double executeOnly = run(Variant.EXECUTE_ONLY, root.resolve("a"), genesisAccounts, funding, transfers, null);
        final double nodeState = run(Variant.NODE_STATE, root.resolve("b"), genesisAccounts, funding, transfers, null);
        final double durable = run(Variant.DURABLE, dataDir, genesisAccounts, funding, transfers, faucet);
        System.out.printf(Locale.ROOT, "execute only:            %,12.0f tx/s%n", executeOnly);
        System.out.printf(Locale.ROOT, "with node state:         %,12.0f tx/s  %.2fx of execute only%n", nodeState, nodeState / executeOnly);
        System.out.printf(Locale.ROOT, "durable (ledger+fsync):  %,12.0f tx/s  %.2fx of execute only, %.2fx of node state%n",
            durable, durable / executeOnly, durable / nodeState);
        for (final int workers : new int[] {1, 2}) {
            final double seconds = recover(dataDir, genesisAccounts, workers);
            final double replayRate = (transactions + PAYERS) / seconds;
            System.out.printf(Locale.ROOT, "recovery, %d worker(s): %,d transactions in %.2f s = %,.0f tx/s  %.2fx of durable execution%n",
                workers, transactions + PAYERS, seconds, replayRate, replayRate / durable);
        }
        TestFiles.deleteTree(root);
    }

    /** Runs funding then the timed transfers; returns transfers per second (until durable for {@link Variant#DURABLE}). */
    private static double run(final Variant variant, final Path dataDir, final Path genesisAccounts, final List<Transaction> funding,
                              final List<Transaction> transfers, final Keypair faucet) throws Exception {
        final Path accounts = dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY);
        if (variant != Variant.DURABLE) {
            TestFiles.copyTree(genesisAccounts, accounts);
        }
        final OffHeapAccountStore store = OffHeapAccountStore.open(accounts, AccountStoreConfig.DEFAULT);
        final Bank bank = new Bank(store, ProgramRegistry.withBuiltins(), true, 1, Bank.blockhashForSlot(1));
        final LedgerWriter ledger = variant == Variant.DURABLE
            ? LedgerWriter.open(dataDir, LanesNode.GENESIS_SLOT, NodeFiles.genesisHash(dataDir, faucet)) : null;
        final NodeState state = variant == Variant.EXECUTE_ONLY ? null
            : ledger == null ? new NodeState(bank) : new NodeState(bank, ledger, store::stateHash);
        final double rate;
        try (ParallelRuntime runtime = new ParallelRuntime(bank, RuntimeConfig.defaults(WORKERS, ThreadingMode.DEDICATED),
            state == null ? ExecutionListener.NONE : state)) {
            runtime.start();
            submitInBlocks(runtime, bank, state, funding);
            final long startNanos = System.nanoTime();
            submitInBlocks(runtime, bank, state, transfers);
            if (state != null && !state.awaitDurable()) {
                throw new IllegalStateException("a block failed to become durable");
            }
            rate = transfers.size() / ((System.nanoTime() - startNanos) / 1e9);
        }
        if (ledger != null) {
            ledger.close();
        }
        store.close(); // no flush: the accounts stay at genesis, as after a crash before the first flush
        return rate;
    }

    /** Submits the transactions, ending a block (an exclusive slot change) every {@link #BLOCK_TRANSACTIONS}. */
    private static void submitInBlocks(final ParallelRuntime runtime, final Bank bank, final NodeState state,
                                       final List<Transaction> transactions) throws InterruptedException {
        for (int i = 0; i < transactions.size(); i++) {
            while (!runtime.submit(transactions.get(i))) {
                LockSupport.parkNanos(FULL_QUEUE_PARK_NANOS); // spinning would take a core from the scheduler or worker
            }
            if ((i + 1) % BLOCK_TRANSACTIONS == 0 || i + 1 == transactions.size()) {
                endBlock(runtime, bank, state);
            }
        }
    }

    private static void endBlock(final ParallelRuntime runtime, final Bank bank, final NodeState state) throws InterruptedException {
        final CountDownLatch ended = new CountDownLatch(1);
        while (!runtime.runExclusive(() -> {
            final Hash next = Bank.blockhashForSlot(bank.slot() + 1);
            if (state != null) {
                state.advanceSlot(next);
            } else {
                bank.advanceSlot(next);
            }
            ended.countDown();
        })) {
            Thread.onSpinWait();
        }
        if (!ended.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a block did not end within a minute");
        }
    }

    /** Starts a node on the data dir with its accounts put back at genesis; answers the seconds start-up took. */
    private static double recover(final Path dataDir, final Path genesisAccounts, final int workers) throws Exception {
        TestFiles.deleteTree(dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY));
        TestFiles.copyTree(genesisAccounts, dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY));
        Files.deleteIfExists(dataDir.resolve("snapshots").resolve("catalog"));
        final long startNanos = System.nanoTime();
        final LanesNode node = LanesNode.start(nodeConfig(dataDir, workers), ExecutionListener.NONE);
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        node.close();
        return seconds;
    }

    private static NodeConfig nodeConfig(final Path dataDir, final int workers) {
        final long never = 1_000_000_000L;
        return new NodeConfig(dataDir, 0, 0, workers, dataDir.resolve("faucet.json"), 400, List.of(), never, never, 2,
            NodeConfig.DEFAULT_LEDGER_SEGMENT_BYTES);
    }

    private static List<Keypair> payers() {
        final SplittableRandom random = new SplittableRandom(42);
        final List<Keypair> payers = new ArrayList<>(PAYERS);
        for (int i = 0; i < PAYERS; i++) {
            final byte[] seed = new byte[Keypair.SEED_LENGTH];
            random.nextBytes(seed);
            payers.add(Keypair.fromSeed(seed));
        }
        return payers;
    }

    private static List<Transaction> funding(final Keypair faucet, final List<Keypair> payers) {
        return payers.parallelStream().map(payer -> TransactionCodec.sign(MessageBuilder.compileLegacy(faucet.publicKey(),
            Bank.blockhashForSlot(1), List.of(SystemInstruction.transfer(faucet.publicKey(), payer.publicKey(), PAYER_LAMPORTS))),
            faucet)).toList();
    }

    private static List<Transaction> transfers(final List<Keypair> payers, final int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            final SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 7);
            final Keypair from = payers.get(random.nextInt(PAYERS));
            final Keypair to = payers.get(random.nextInt(PAYERS));
            // The blockhash of the slot the transfer lands in stays valid: blocks of 10,000 keep 1M within 150 slots.
            return TransactionCodec.sign(MessageBuilder.compileLegacy(from.publicKey(), Bank.blockhashForSlot(2),
                List.of(SystemInstruction.transfer(from.publicKey(), to.publicKey(), 1 + random.nextInt(1_000)))), from);
        }).toList();
    }
}
