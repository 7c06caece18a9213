package io.lanes.runtime.ingest;

import io.lanes.runtime.pipeline.IdleStrategies;
import io.lanes.sdk.wire.Transaction;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.jctools.queues.MpmcArrayQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * Signature verification between ingest and the scheduler: a bounded MPMC queue of sanitized
 * transactions, drained by N {@link SigVerifyAgent}s that verify every signature (in batches) and
 * hand fully valid transactions to the {@link TransactionSink}. Transactions with a bad signature,
 * and duplicates of a recently verified first signature, are counted and reported to the
 * {@link RejectionListener}; they never reach the sink.
 *
 * <p>Memory is bounded: {@link #offer} answers false when the queue is full, and the caller
 * applies backpressure (the ingest port stops reading; the RPC path answers "busy"). Order is
 * kept per agent, not across agents.
 *
 * <p>Life cycle: construct, {@link #start()} (one thread per agent), {@link #close()} (stops the
 * threads; what is still queued is dropped). {@link #agents()} lets a caller compose the agents on
 * its own threads instead of calling start.
 */
public final class SigVerifyStage implements AutoCloseable {
    private final SigVerifyConfig config;
    private final MpmcArrayQueue<Transaction> queue;
    private final IngestCounters counters = new IngestCounters();
    private final List<SigVerifyAgent> agents = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private final String verifierName;

    /**
     * @param verifier shared by all agents (verifiers are thread-safe), e.g. {@link Ed25519Verifiers#fastestAvailable()}
     * @param sink     takes verified transactions, from the agents' threads
     * @param listener told about rejected transactions; {@link RejectionListener#NONE} to only count them
     */
    public SigVerifyStage(final SigVerifyConfig config, final Ed25519Verifier verifier, final TransactionSink sink,
                          final RejectionListener listener) {
        this.config = config;
        this.queue = new MpmcArrayQueue<>(config.queueCapacity());
        this.verifierName = verifier.name();
        final RecentSignatures recent = new RecentSignatures(config.recentSignatureSlots());
        for (int i = 0; i < config.agentCount(); i++) {
            agents.add(new SigVerifyAgent("lanes-sigverify-" + i, queue, verifier, sink, listener, recent, counters,
                config.maxBatchSignatures()));
        }
    }

    /** A stage with {@link SigVerifyConfig#defaults()}, the fastest available verifier, and no listener. */
    public SigVerifyStage(final TransactionSink sink) {
        this(SigVerifyConfig.defaults(), Ed25519Verifiers.fastestAvailable(), sink, RejectionListener.NONE);
    }

    /**
     * Queues a sanitized transaction for verification. Thread-safe, non-blocking, allocation-free.
     *
     * @return false if the queue is full: nothing was queued, apply backpressure and retry later
     */
    public boolean offer(final Transaction transaction) {
        if (queue.offer(transaction)) {
            return true;
        }
        counters.queueFull();
        return false;
    }

    /** Starts one thread per agent, named {@code lanes-sigverify-N}. */
    public synchronized SigVerifyStage start() {
        if (!runners.isEmpty()) {
            throw new IllegalStateException("sigverify stage already started");
        }
        for (final SigVerifyAgent agent : agents) {
            final AgentRunner runner = new AgentRunner(IdleStrategies.byName(config.idleStrategy()),
                this::onAgentError, null, agent);
            runners.add(runner);
            AgentRunner.startOnThread(runner);
        }
        return this;
    }

    /** The agents, for a caller that runs them on its own threads instead of {@link #start()}. */
    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    /** Transactions waiting for an agent now (approximate under concurrency). */
    public int queueDepth() {
        return queue.size();
    }

    /** Most transactions the queue holds. */
    public int queueCapacity() {
        return queue.capacity();
    }

    public IngestCounters counters() {
        return counters;
    }

    /** Name of the verifier the agents use, e.g. {@code libsodium}. */
    public String verifierName() {
        return verifierName;
    }

    public SigVerifyConfig config() {
        return config;
    }

    /** Stops the agent threads (waits for each to finish its duty cycle); queued transactions are dropped. */
    @Override
    public synchronized void close() {
        CloseHelper.closeAll(runners);
        runners.clear();
        queue.clear();
    }

    private void onAgentError(final Throwable error) {
        System.getLogger(SigVerifyStage.class.getName()).log(System.Logger.Level.ERROR, "sigverify agent failed", error);
    }
}
