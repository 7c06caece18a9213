package io.lanes.runtime.pipeline;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.lanes.locks.BatchPacker;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.TransactionExecutor;
import io.lanes.sdk.wire.Transaction;
import org.agrona.BitUtil;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.jctools.queues.MpscArrayQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parallel execution runtime: a scheduler agent packs admitted transactions into
 * non-conflicting batches and publishes them on one Disruptor ring per worker; worker agents
 * execute their batches in order and report completions over a JCTools queue; the scheduler
 * then releases the locks and reports the outcomes in a serial order that reproduces the state.
 *
 * <pre>
 *  submit() ──MPSC──▶ [scheduler] ──ring 0──▶ [worker 0] ─┐
 *                          ▲      ──ring 1──▶ [worker 1] ─┤
 *                          └──────── completions (MPSC) ◀─┘
 * </pre>
 *
 * <p>{@link ThreadingMode#SHARED} composes all agents into one; {@link #runUntilIdle()} drives it
 * on the caller's thread (deterministic, no threads at all) and {@link #start()} gives it one
 * thread. {@link ThreadingMode#DEDICATED} gives each agent its own thread.
 */
public final class ParallelRuntime implements AutoCloseable {
    private final RuntimeConfig config;
    private final Bank bank;
    private final Queue<Transaction> input;
    private final Queue<Runnable> commands;
    private final Queue<WorkerJob> jobs;
    private final Queue<Runnable> exclusiveCommands;
    private final SchedulerAgent scheduler;
    private final List<Agent> workers = new ArrayList<>();
    private final List<TransactionExecutor> executors = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private final AgentInvoker sharedInvoker;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean started;

    public ParallelRuntime(final Bank bank, final RuntimeConfig config, final ExecutionListener listener) {
        this.config = config;
        this.bank = bank;
        this.input = new MpscArrayQueue<>(config.inputCapacity());
        this.commands = new MpscArrayQueue<>(1024);
        this.jobs = new MpscArrayQueue<>(4096);
        this.exclusiveCommands = new MpscArrayQueue<>(256);
        final Queue<WorkerToken> completions = new MpscArrayQueue<>(
            BitUtil.findNextPositivePowerOfTwo(config.workers() * config.batchSize() * config.inFlightBatches() + 1));
        final int ringSize = BitUtil.findNextPositivePowerOfTwo(config.batchSize() * config.inFlightBatches());
        @SuppressWarnings("unchecked")
        final RingBuffer<BatchEvent>[] rings = new RingBuffer[config.workers()];
        for (int worker = 0; worker < config.workers(); worker++) {
            rings[worker] = RingBuffer.createSingleProducer(() -> new BatchEvent(config.batchSize()), ringSize);
            final EventPoller<BatchEvent> poller = rings[worker].newPoller();
            rings[worker].addGatingSequences(poller.getSequence());
            final TransactionExecutor executor = new TransactionExecutor(bank.store(), bank.programs());
            executors.add(executor);
            workers.add(new WorkerAgent(worker, poller, executor, bank.store(), completions,
                config.pinWorkers() && config.threadingMode() == ThreadingMode.DEDICATED));
        }
        final BatchPacker packer = new BatchPacker(config.packerConfig(), Math.max(1024, bank.store().slotCount()), config.pendingCapacity());
        this.scheduler = new SchedulerAgent(bank, packer, rings, input, completions,
            new SchedulerAgent.Inputs(commands, jobs, exclusiveCommands), listener, config.pendingCapacity(), config.arrivalOrder(), finished);
        if (config.threadingMode() == ThreadingMode.SHARED) {
            final List<Agent> all = new ArrayList<>();
            all.add(scheduler);
            all.addAll(workers);
            sharedInvoker = new AgentInvoker(this::onError, null, new CompositeAgent(all));
            sharedInvoker.start();
        } else {
            sharedInvoker = null;
        }
    }

    private void onError(final Throwable throwable) {
        failure.compareAndSet(null, throwable);
    }

    /** Starts the threads: one for SHARED, one per agent for DEDICATED. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        final ErrorHandler errorHandler = this::onError;
        if (config.threadingMode() == ThreadingMode.SHARED) {
            runners.add(new AgentRunner(idle(), errorHandler, null, new InvokerAgent(sharedInvoker)));
        } else {
            runners.add(new AgentRunner(idle(), errorHandler, null, scheduler));
            for (final Agent worker : workers) {
                runners.add(new AgentRunner(idle(), errorHandler, null, worker));
            }
        }
        for (final AgentRunner runner : runners) {
            AgentRunner.startOnThread(runner);
        }
    }

    private IdleStrategy idle() {
        return IdleStrategies.byName(config.idleStrategy());
    }

    /**
     * Hands a transaction to the scheduler. Thread-safe.
     *
     * @return false if the input queue is full (back-pressure: retry later or reject)
     */
    public boolean submit(final Transaction transaction) {
        if (input.offer(transaction)) {
            submitted.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Runs a task on the scheduler thread between duty-cycle steps (where the index and bank are quiet). */
    public boolean runOnScheduler(final Runnable command) {
        return commands.offer(command);
    }

    /**
     * Queues a job that reads accounts at one consistent point (see {@link WorkerJob}). Thread-safe.
     *
     * @return false if the job queue is full
     */
    public boolean submitJob(final WorkerJob job) {
        return jobs.offer(job);
    }

    /**
     * Runs a task on the scheduler thread once no transaction or job is in flight (scheduling
     * pauses until then): for reads that scan every account. Thread-safe.
     *
     * @return false if the queue is full
     */
    public boolean runExclusive(final Runnable command) {
        return exclusiveCommands.offer(command);
    }

    /**
     * SHARED mode without threads: runs duty cycles on this thread until every submitted
     * transaction is finished and no command is queued.
     */
    public void runUntilIdle() {
        if (sharedInvoker == null || started) {
            throw new IllegalStateException("runUntilIdle drives an unstarted SHARED runtime; use awaitIdle");
        }
        while (finished.get() < submitted.get() || !commands.isEmpty() || !jobs.isEmpty() || !exclusiveCommands.isEmpty()
            || !scheduler.isQuiet()) {
            sharedInvoker.invoke();
            rethrowFailure();
        }
    }

    /** Waits until every submitted transaction is finished. */
    public void awaitIdle(final long timeout, final TimeUnit unit) throws InterruptedException {
        if (sharedInvoker != null && !started) {
            runUntilIdle();
            return;
        }
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (finished.get() < submitted.get() || !commands.isEmpty()) {
            rethrowFailure();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("runtime not idle after " + timeout + " " + unit
                    + ": finished " + finished.get() + " of " + submitted.get());
            }
            Thread.sleep(0, 200_000);
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        final Throwable throwable = failure.get();
        if (throwable != null) {
            throw new IllegalStateException("an agent failed", throwable);
        }
    }

    /**
     * Ends a block for the commutative additions: applies every worker's sums to the store. Call
     * only with nothing in flight: from a {@link #runExclusive} command, or once idle.
     */
    public void applyCommutativeAdds() {
        for (final TransactionExecutor executor : executors) {
            executor.applyCommutativeAdds();
        }
    }

    /** Transactions submitted so far. */
    public long submittedCount() {
        return submitted.get();
    }

    /** Transactions executed or rejected so far. */
    public long finishedCount() {
        return finished.get();
    }

    /** True when the packer holds no lock; read it only when idle, or from {@link #runOnScheduler}. */
    public boolean isUnlocked() {
        return scheduler.isQuiet();
    }

    public Bank bank() {
        return bank;
    }

    public RuntimeConfig config() {
        return config;
    }

    @Override
    public void close() {
        for (final AgentRunner runner : runners) {
            runner.close();
        }
        runners.clear();
        if (sharedInvoker != null) {
            sharedInvoker.close();
        }
    }

    /** Lets an AgentRunner drive a SHARED runtime's invoker. */
    private static final class InvokerAgent implements Agent {
        private final AgentInvoker invoker;

        InvokerAgent(final AgentInvoker invoker) {
            this.invoker = invoker;
        }

        @Override
        public int doWork() {
            return invoker.invoke();
        }

        @Override
        public String roleName() {
            return "lanes-shared";
        }
    }
}
