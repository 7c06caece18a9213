package io.lanes.bench.run;

import io.lanes.ledger.LedgerWriter;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.ingest.Ed25519Verifier;
import io.lanes.runtime.ingest.RejectionListener;
import io.lanes.runtime.ingest.SigVerifyConfig;
import io.lanes.runtime.ingest.SigVerifyStage;
import io.lanes.runtime.node.NodeRpcBackend;
import io.lanes.runtime.node.NodeState;
import io.lanes.runtime.pipeline.ParallelRuntime;
import io.lanes.runtime.pipeline.RuntimeConfig;
import io.lanes.runtime.rpc.NodeEvents;
import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.wire.Transaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A node's transaction path without its servers, in this JVM: the {@link SigVerifyStage} hands
 * verified transactions to the node's admission ({@link NodeRpcBackend#submit}: blockhash and
 * duplicate checks, then the {@link ParallelRuntime}); the {@link NodeState} is the runtime's
 * listener, seals a block at the end of every slot, appends it to a {@link LedgerWriter} (group
 * commit, fdatasync) and marks its transactions confirmed once it is durable. A slot clock ends a
 * slot every {@code slotMillis} on the scheduler thread, as {@code LanesNode} does. Accounts stay
 * in memory (the node persists them every few hundred slots, which a bench run never reaches).
 *
 * <p>The bank starts at slot 1 (genesis is slot 0) with the blockhash the workload was signed
 * with ({@link Bank#blockhashForSlot} of slot 0); later slots get {@link Bank#blockhashForSlot} of
 * their own number.
 */
final class InProcessPipeline implements AutoCloseable {
    /** How long a sigverify agent waits for room in the runtime's queue before the transaction is refused (as the node does). */
    private static final long SINK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SINK_PARK_NANOS = 50_000;
    private static final long FIRST_SLOT = 1;
    private static final long IDLE_TIMEOUT_SECONDS = 60;
    private static final Hash GENESIS_HASH = Hash.sha256("lanes-bench-pipeline".getBytes(StandardCharsets.US_ASCII));

    private final Bank bank;
    private final LedgerWriter ledger;
    private final NodeState state;
    private final ParallelRuntime runtime;
    private final NodeRpcBackend backend;
    private final SigVerifyStage sigVerify;
    private final ScheduledExecutorService slotClock;

    private InProcessPipeline(final AccountStore store, final ProgramRegistry programs, final Path ledgerDir,
        final RuntimeConfig config, final Ed25519Verifier verifier, final RejectionListener rejections) throws IOException {
        this.bank = new Bank(store, programs, true, FIRST_SLOT, Bank.blockhashForSlot(0));
        this.ledger = LedgerWriter.open(ledgerDir, FIRST_SLOT - 1, GENESIS_HASH);
        this.state = new NodeState(bank, ledger, store::stateHash);
        this.runtime = new ParallelRuntime(bank, config, state);
        this.backend = new NodeRpcBackend(runtime, state, Keypair.generate(), Keypair.generate().publicKey(), GENESIS_HASH);
        this.sigVerify = new SigVerifyStage(SigVerifyConfig.defaults(), verifier, this::submitWaitingForRoom, rejections);
        this.slotClock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "lanes-bench-slot-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the runtime, the slot clock and the sigverify agents on a store holding the genesis.
     *
     * @param ledgerDir   an empty folder for the ledger
     * @param events      subscribed to the node state before anything runs (e.g. to time confirmations)
     * @param rejections  told what the sigverify stage refuses
     */
    static InProcessPipeline start(final AccountStore store, final ProgramRegistry programs, final Path ledgerDir,
        final RuntimeConfig config, final long slotMillis, final Ed25519Verifier verifier, final NodeEvents events,
        final RejectionListener rejections) throws IOException {
        final InProcessPipeline pipeline = new InProcessPipeline(store, programs, ledgerDir, config, verifier, rejections);
        pipeline.state.subscribe(events);
        pipeline.runtime.start();
        pipeline.slotClock.scheduleAtFixedRate(pipeline::endSlot, slotMillis, slotMillis, TimeUnit.MILLISECONDS);
        pipeline.sigVerify.start();
        return pipeline;
    }

    /**
     * Queues a sanitized transaction for signature verification.
     *
     * @return false if the verification queue is full (retry later)
     */
    boolean offer(final Transaction transaction) {
        return sigVerify.offer(transaction);
    }

    /** Name of the verifier the sigverify agents use. */
    String verifierName() {
        return sigVerify.verifierName();
    }

    /** Seals the slot's block into the ledger and starts the next slot, on the scheduler thread. */
    private void endSlot() {
        runtime.runExclusive(() -> state.advanceSlot(Bank.blockhashForSlot(bank.slot() + 1)));
    }

    /** The node's hand-off from sigverify to admission: waits for room in the runtime's queue, up to a second. */
    private RpcBackend.SubmitRejection submitWaitingForRoom(final Transaction transaction) {
        final long deadline = System.nanoTime() + SINK_WAIT_NANOS;
        RpcBackend.SubmitRejection rejection = backend.submit(transaction);
        while (rejection != null && rejection.error() == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(SINK_PARK_NANOS);
            rejection = backend.submit(transaction);
        }
        return rejection;
    }

    /** Stops verification and the clock, lets the runtime finish, seals what is left and closes the ledger. */
    @Override
    public void close() throws IOException {
        sigVerify.close();
        slotClock.shutdownNow();
        try {
            runtime.awaitIdle(IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runtime.close();
            state.sealBlock(bank.slot());
            ledger.close();
        }
    }
}
