package io.lanes.bench.run;

import io.lanes.bench.loadgen.IngestSender;
import io.lanes.bench.loadgen.RpcClient;
import io.lanes.bench.loadgen.StatusPoller;
import io.lanes.bench.workload.GeneratedWorkload;
import io.lanes.bench.workload.GenesisState;
import io.lanes.bench.workload.InvariantResult;
import io.lanes.bench.workload.RunOutcome;
import io.lanes.bench.workload.Workload;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.exec.SequentialExecutor;
import io.lanes.runtime.node.LanesNode;
import io.lanes.runtime.node.NodeConfig;
import io.lanes.runtime.pipeline.ExecutionListener;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.AccountStoreConfig;
import io.lanes.runtime.store.OffHeapAccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.wire.Transaction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The e2e stage: a whole node ({@link LanesNode}: JSON-RPC, ingest port, sigverify, runtime, slot
 * clock, ledger, persisted accounts) started in this JVM on a new data dir with free ports, fed
 * over its binary ingest port by the load generator's {@link IngestSender} on one connection.
 *
 * <p><b>Genesis:</b> before the node first starts, the data dir gets what the node's own genesis
 * makes (a funded faucet, its keypair in {@code faucet.json}, and the built-in programs) plus the
 * workload's accounts; the node takes the accounts it finds at its first start as its genesis and
 * records their state hash. So its genesis is the workload's plus the faucet. <b>Blockhash:</b> a node's blockhashes are
 * random per run, so the transactions are generated again, after the node started, for the
 * blockhash {@code getLatestBlockhash} returns over RPC, and before the clock starts (the same seed:
 * the same genesis and transfers, new signatures).
 *
 * <p>The clock runs from the first frame written to the last transaction confirmed (its block
 * durable), timed in the node's state as the pipeline stage times it; latency is frame written to
 * confirmed. Afterwards, off the clock: every status is read back over RPC
 * ({@link StatusPoller}, {@code getSignatureStatuses}) and must agree; the node stops (persisting
 * its accounts); the workload's invariant is checked on the persisted accounts; and their state
 * hash must equal the sequential executor's over the same transactions on the same genesis.
 */
public final class E2eRunner {
    private static final String HOST = "127.0.0.1";
    private static final String FAUCET_FILE = "faucet.json";
    private static final long RPC_TIMEOUT_SECONDS = 30;

    private E2eRunner() {
    }

    /**
     * Starts a node on a new data dir holding {@code genesis}, regenerates the workload's first {@code txCount}
     * transactions (seed {@code seed}) for its blockhash, sends them and waits until all are confirmed.
     */
    public static RunMeasurement run(final Workload workload, final GenesisState genesis, final long seed, final int txCount,
        final StageSettings stages) throws IOException, InterruptedException {
        final Path dataDir = ScratchDirs.create(stages.scratchDir(), "e2e-");
        try {
            writeGenesis(dataDir, genesis, workload.programs());
            final NodeConfig config = new NodeConfig(dataDir, 0, 0, stages.workers(), dataDir.resolve(FAUCET_FILE),
                stages.slotMillis(), List.of(), NodeConfig.DEFAULT_FLUSH_SLOTS);
            final Sent sent;
            final Pubkey faucet;
            final Hash finalStateHash;
            try (LanesNode node = LanesNode.start(config, ExecutionListener.NONE)) {
                sent = sendAndAwait(node, workload, genesis, seed, txCount, stages.slotMillis());
                faucet = node.faucet().publicKey();
            }
            return measurement(workload, sent, txCount, stages, dataDir,
                sequentialStateHash(workload, sent.generated, txCount, faucet, sent.blockhash));
        } finally {
            ScratchDirs.delete(dataDir);
        }
    }

    /** What one run sent and saw before the node stopped. */
    private record Sent(GeneratedWorkload generated, Hash blockhash, ConfirmationTracker tracker, long[] sentNanos, long startNanos,
        double allocatedPerTx, Map<String, Long> cpuNanos, InvariantResult rpcStatuses) {
    }

    /** The measured part: regenerate for the node's blockhash (off the clock), send, await confirmations, check over RPC. */
    private static Sent sendAndAwait(final LanesNode node, final Workload workload, final GenesisState genesis, final long seed,
        final int txCount, final long slotMillis) throws IOException, InterruptedException {
        final RpcClient rpc = new RpcClient("http://" + HOST + ":" + node.rpcPort());
        final Hash blockhash = rpc.latestBlockhash();
        final GeneratedWorkload generated = workload.generate(seed, txCount, blockhash);
        requireSameGenesis(genesis, generated.genesis());
        final Transaction[] transactions = generated.transactions();
        final ConfirmationTracker tracker = new ConfirmationTracker(transactions, txCount);
        node.state().subscribe(tracker);
        final long[] sentNanos = new long[txCount];
        final Map<String, Long> cpuBefore = ThreadCpu.snapshot();
        final long allocatedBefore = ThreadAllocation.currentThreadBytes();
        final long startNanos = System.nanoTime();
        try (IngestSender sender = IngestSender.connect(HOST, node.ingestPort())) {
            for (int tx = 0; tx < txCount; tx++) {
                sender.send(transactions[tx]);
                sentNanos[tx] = System.nanoTime();
            }
        }
        final double allocatedPerTx = ThreadAllocation.perTx(allocatedBefore, ThreadAllocation.currentThreadBytes(), txCount);
        tracker.awaitAll(PipelineRunner.stallMillis(slotMillis));
        final Map<String, Long> cpuNanos = ThreadCpu.between(cpuBefore, ThreadCpu.snapshot());
        node.state().unsubscribe(tracker);
        return new Sent(generated, blockhash, tracker, sentNanos, startNanos, allocatedPerTx, cpuNanos,
            rpcStatuses(rpc, Arrays.copyOf(transactions, txCount), tracker.outcome()));
    }

    private static RunMeasurement measurement(final Workload workload, final Sent sent, final int txCount, final StageSettings stages,
        final Path dataDir, final Hash expectedStateHash) {
        final RunOutcome outcome = sent.tracker.outcome();
        try (OffHeapAccountStore store = OffHeapAccountStore.open(dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY), AccountStoreConfig.DEFAULT)) {
            return new RunMeasurement(Mode.ofStage(Stage.E2E, stages.workers()), txCount,
                sent.tracker.lastConfirmedNanos() - sent.startNanos, sent.tracker.latencies(sent.sentNanos), store.stateHash(), outcome,
                workload.checkInvariant(sent.generated, store, outcome).and(sent.rpcStatuses), sent.allocatedPerTx, sent.cpuNanos,
                expectedStateHash);
        }
    }

    /** The node's genesis (funded faucet, built-in programs) plus the workload's accounts, in the store the node will open. */
    private static void writeGenesis(final Path dataDir, final GenesisState genesis, final ProgramRegistry programs)
        throws IOException {
        final Keypair faucet = Keypair.generate();
        faucet.writeFile(dataDir.resolve(FAUCET_FILE));
        try (OffHeapAccountStore store = OffHeapAccountStore.open(dataDir.resolve(LanesNode.ACCOUNTS_DIRECTORY), AccountStoreConfig.DEFAULT)) {
            Genesis.fund(store, faucet.publicKey(), LanesNode.FAUCET_LAMPORTS);
            Genesis.addPrograms(store, programs);
            GenesisLoader.saveAccounts(store, genesis);
            store.flush();
        }
    }

    /** Generation is deterministic: the same seed must give the genesis that the node was started with. */
    private static void requireSameGenesis(final GenesisState written, final GenesisState regenerated) {
        if (!Arrays.equals(written.wallets(), regenerated.wallets())
            || !Arrays.equals(written.walletLamports(), regenerated.walletLamports())
            || written.dataAccounts().size() != regenerated.dataAccounts().size()) {
            throw new IllegalStateException("the workload made another genesis for the node's blockhash: generation is not deterministic");
        }
    }

    /** Every status read over RPC, as a client sees it, must agree with what the node's state confirmed. */
    private static InvariantResult rpcStatuses(final RpcClient rpc, final Transaction[] transactions, final RunOutcome confirmed)
        throws IOException, InterruptedException {
        final StatusPoller.Outcomes statuses = new StatusPoller(rpc, message -> { })
            .await(transactions, new long[transactions.length], RPC_TIMEOUT_SECONDS);
        final boolean agree = statuses.succeeded() == confirmed.succeeded() && statuses.failed() == confirmed.failed()
            && statuses.missing() == confirmed.rejected();
        return InvariantResult.of(agree, "RPC statuses " + statuses.succeeded() + " ok, " + statuses.failed() + " failed, "
            + statuses.missing() + " not final" + (agree ? "" : " DISAGREE with the node's confirmations"));
    }

    /** The sequential executor's state after the same transactions on the node's genesis (the workload's plus the faucet). */
    private static Hash sequentialStateHash(final Workload workload, final GeneratedWorkload generated, final int txCount,
        final Pubkey faucet, final Hash blockhash) {
        final ProgramRegistry programs = workload.programs();
        try (AccountStore store = GenesisLoader.load(generated.genesis(), programs)) {
            Genesis.fund(store, faucet, LanesNode.FAUCET_LAMPORTS);
            final SequentialExecutor executor = new SequentialExecutor(new Bank(store, programs, true, 1, blockhash));
            final ExecutionResult result = new ExecutionResult();
            for (int tx = 0; tx < txCount; tx++) {
                executor.execute(generated.transactions()[tx], result);
            }
            return store.stateHash();
        }
    }
}
