package io.lanes.runtime.pipeline;

import com.lmax.disruptor.EventPoller;
import io.lanes.runtime.exec.TransactionExecutor;
import net.openhft.affinity.AffinityLock;
import org.agrona.concurrent.Agent;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes the batches on its ring buffer, in order, then reports each finished batch to the
 * scheduler by offering its token on the completion queue. The scheduler knows which batch that
 * is: each worker finishes its batches in the order they were published.
 */
final class WorkerAgent implements Agent {
    private static final System.Logger LOG = System.getLogger(WorkerAgent.class.getName());
    private static final AtomicBoolean PIN_FAILURE_LOGGED = new AtomicBoolean();

    private static final int MAX_BATCHES_PER_CYCLE = 16;

    private final int worker;
    private final EventPoller<BatchEvent> poller;
    private final TransactionExecutor executor;
    private final Queue<WorkerToken> completions;
    private final WorkerToken token;
    private final boolean pin;
    private final EventPoller.Handler<BatchEvent> handler = this::onBatch;
    private AffinityLock affinity;
    private int batchSize;

    WorkerAgent(
        final int worker, final EventPoller<BatchEvent> poller, final TransactionExecutor executor,
        final Queue<WorkerToken> completions, final boolean pin) {
        this.worker = worker;
        this.poller = poller;
        this.executor = executor;
        this.completions = completions;
        this.token = new WorkerToken(worker);
        this.pin = pin;
    }

    @Override
    public void onStart() {
        if (pin) {
            affinity = AffinityLock.acquireLock();
            if (!affinity.isAllocated() && PIN_FAILURE_LOGGED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.INFO,
                    "worker " + worker + " runs unpinned: no free CPU to pin it to (cores: "
                        + Runtime.getRuntime().availableProcessors() + "); later workers may be unpinned too");
            }
        }
    }

    /**
     * Executes the published batches one at a time. A batch is reported only after the poller has
     * released its ring slot, so the scheduler, which reuses the slot once it learns of the
     * completion, always finds the slot free.
     */
    @Override
    public int doWork() throws Exception {
        int transactions = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_CYCLE; batch++) {
            batchSize = 0;
            poller.poll(handler);
            if (batchSize == 0) {
                break;
            }
            transactions += batchSize;
            while (!completions.offer(token)) {
                Thread.onSpinWait();
            }
        }
        return transactions;
    }

    /** Executes one batch, then stops the poll so that its slot is released before the report. */
    private boolean onBatch(final BatchEvent event, final long sequence, final boolean endOfBatch) {
        for (int i = 0; i < event.count; i++) {
            executor.execute(event.transactions[i], event.slot, event.results[i]);
        }
        batchSize = event.count;
        return false;
    }

    @Override
    public void onClose() {
        if (affinity != null) {
            affinity.release();
        }
    }

    @Override
    public String roleName() {
        return "lanes-worker-" + worker;
    }

}
