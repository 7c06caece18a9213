package io.lanes.runtime.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.lanes.locks.BatchPacker;
import io.lanes.locks.ScheduleSink;
import io.lanes.runtime.exec.Bank;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.ResolvedTransaction;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;
import org.agrona.collections.IntArrayQueue;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.Agent;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler stage. Each duty cycle it
 * <ol>
 *   <li>drains worker completions: reports each finished batch's transactions (in the order the
 *       runtime records them) and releases their locks;</li>
 *   <li>runs queued commands (slot changes, reads that must see a quiet index);</li>
 *   <li>admits submitted transactions: bank checks, key resolution to dense slots, then the
 *       packer's pending set;</li>
 *   <li>runs one packing pass and publishes one batch per worker that got work.</li>
 * </ol>
 * It alone writes the account index, the bank's admission state and the packer.
 */
final class SchedulerAgent implements Agent, ScheduleSink {
    private static final int ADMISSIONS_PER_CYCLE = 1024;
    private static final int COMMANDS_PER_CYCLE = 64;

    private final Bank bank;
    private final BatchPacker packer;
    private final RingBuffer<BatchEvent>[] rings;
    private final Queue<Transaction> input;
    private final Queue<WorkerToken> completions;
    private final Queue<Runnable> commands;
    private final Queue<WorkerJob> jobs;
    private final Queue<Runnable> exclusiveCommands;
    private WorkerJob[] jobByHandle = new WorkerJob[1024];
    private final IntArrayList jobReadSlots = new IntArrayList();
    private static final int[] NO_SLOTS = new int[0];
    private final ExecutionListener listener;
    private final AtomicLong finished;

    private final ResolvedTransaction[] transactions;
    private final ExecutionResult[] results;
    private final IntArrayList freeEntries;
    private int[] entryByHandle = new int[1024];
    private final IntArrayQueue[] inFlightEntries;
    private final IntArrayQueue[] inFlightBatchSizes;
    private final long[] openSequence;
    private final BatchEvent[] openBatch;
    private long arrivals;
    private final boolean arrivalOrder;

    @SuppressWarnings("unchecked")
    SchedulerAgent(
        final Bank bank, final BatchPacker packer, final RingBuffer<BatchEvent>[] rings,
        final Queue<Transaction> input, final Queue<WorkerToken> completions, final Inputs inputs,
        final ExecutionListener listener, final int pendingCapacity, final boolean arrivalOrder, final AtomicLong finished) {
        this.bank = bank;
        this.arrivalOrder = arrivalOrder;
        this.packer = packer;
        this.rings = rings;
        this.input = input;
        this.completions = completions;
        this.commands = inputs.commands();
        this.jobs = inputs.jobs();
        this.exclusiveCommands = inputs.exclusiveCommands();
        this.listener = listener;
        this.finished = finished;
        this.transactions = new ResolvedTransaction[pendingCapacity];
        this.results = new ExecutionResult[pendingCapacity];
        this.freeEntries = new IntArrayList(pendingCapacity, -1);
        for (int entry = pendingCapacity - 1; entry >= 0; entry--) {
            transactions[entry] = new ResolvedTransaction();
            results[entry] = new ExecutionResult();
            freeEntries.addInt(entry);
        }
        final int workers = rings.length;
        inFlightEntries = new IntArrayQueue[workers];
        inFlightBatchSizes = new IntArrayQueue[workers];
        for (int worker = 0; worker < workers; worker++) {
            inFlightEntries[worker] = new IntArrayQueue(-1);
            inFlightBatchSizes[worker] = new IntArrayQueue(-1);
        }
        openSequence = new long[workers];
        openBatch = new BatchEvent[workers];
    }

    /** The queues other threads feed the scheduler besides transactions. */
    record Inputs(Queue<Runnable> commands, Queue<WorkerJob> jobs, Queue<Runnable> exclusiveCommands) {
    }

    @Override
    public int doWork() {
        int work = drainCompletions();
        work += runCommands();
        if (!exclusiveCommands.isEmpty()) {
            return work + runExclusiveWhenQuiet();
        }
        work += admitJobs();
        work += admit();
        work += schedule();
        return work;
    }

    /** Scheduling pauses while an exclusive command waits; it runs once nothing is in flight. */
    private int runExclusiveWhenQuiet() {
        if (!packer.isUnlocked()) {
            return 0;
        }
        exclusiveCommands.poll().run();
        return 1;
    }

    private int admitJobs() {
        int admitted = 0;
        WorkerJob job;
        while (admitted < ADMISSIONS_PER_CYCLE && (job = jobs.poll()) != null) {
            jobReadSlots.clear();
            job.addReadSlots(bank.store(), jobReadSlots);
            final int[] slots = jobReadSlots.isEmpty() ? NO_SLOTS : jobReadSlots.toIntArray();
            final int handle = packer.add(Long.MAX_VALUE, NO_SLOTS, 0, slots, slots.length);
            if (handle >= jobByHandle.length) {
                jobByHandle = java.util.Arrays.copyOf(jobByHandle, Math.max(handle + 1, jobByHandle.length * 2));
            }
            jobByHandle[handle] = job;
            admitted++;
        }
        return admitted;
    }

    private int drainCompletions() {
        int batches = 0;
        WorkerToken token;
        while ((token = completions.poll()) != null) {
            completeBatch(token.worker());
            batches++;
        }
        return batches;
    }

    private void completeBatch(final int worker) {
        final int count = inFlightBatchSizes[worker].pollInt();
        final IntArrayQueue entries = inFlightEntries[worker];
        int transactionCount = 0;
        for (int i = 0; i < count; i++) {
            final int handle = entries.pollInt();
            if (handle < jobByHandle.length && jobByHandle[handle] != null) {
                jobByHandle[handle] = null;
                packer.complete(worker, handle);
                continue;
            }
            final int entry = entryByHandle[handle];
            listener.onExecuted(transactions[entry], results[entry]);
            packer.complete(worker, handle);
            freeEntries.addInt(entry);
            transactionCount++;
        }
        if (transactionCount > 0) {
            listener.onEntryEnd(worker, transactionCount);
            finished.addAndGet(transactionCount);
        }
    }

    private int runCommands() {
        int ran = 0;
        Runnable command;
        while (ran < COMMANDS_PER_CYCLE && (command = commands.poll()) != null) {
            command.run();
            ran++;
        }
        return ran;
    }

    private int admit() {
        int admitted = 0;
        while (admitted < ADMISSIONS_PER_CYCLE && !freeEntries.isEmpty()) {
            final Transaction transaction = input.poll();
            if (transaction == null) {
                break;
            }
            admitted++;
            final TransactionError rejection = bank.admit(transaction);
            if (rejection != null) {
                listener.onRejected(transaction, rejection);
                finished.incrementAndGet();
                continue;
            }
            enqueue(transaction);
        }
        return admitted;
    }

    private void enqueue(final Transaction transaction) {
        final int entry = freeEntries.removeAt(freeEntries.size() - 1);
        final ResolvedTransaction resolved = transactions[entry].resolve(transaction, bank.store(), arrivals++);
        final int handle = packer.add(arrivalOrder ? 0 : resolved.priority(), resolved.writeSlots(), resolved.writeCount(),
            resolved.readSlots(), resolved.readCount());
        if (handle >= entryByHandle.length) {
            entryByHandle = java.util.Arrays.copyOf(entryByHandle, Math.max(handle + 1, entryByHandle.length * 2));
        }
        entryByHandle[handle] = entry;
    }

    private int schedule() {
        if (packer.pendingCount() == 0) {
            return 0;
        }
        final int scheduled = packer.schedule(this);
        publishOpenBatches();
        return scheduled;
    }

    @Override
    public void onScheduled(final int worker, final int txHandle) {
        BatchEvent batch = openBatch[worker];
        if (batch == null) {
            final long sequence = claim(worker);
            batch = rings[worker].get(sequence);
            batch.count = 0;
            batch.slot = bank.slot();
            openSequence[worker] = sequence;
            openBatch[worker] = batch;
        }
        if (txHandle < jobByHandle.length && jobByHandle[txHandle] != null) {
            batch.jobs[batch.count] = jobByHandle[txHandle];
            batch.transactions[batch.count] = null;
            batch.results[batch.count] = null;
        } else {
            final int entry = entryByHandle[txHandle];
            batch.jobs[batch.count] = null;
            batch.transactions[batch.count] = transactions[entry];
            batch.results[batch.count] = results[entry];
        }
        batch.count++;
        inFlightEntries[worker].offerInt(txHandle);
    }

    private long claim(final int worker) {
        try {
            return rings[worker].tryNext();
        } catch (final com.lmax.disruptor.InsufficientCapacityException e) {
            throw new IllegalStateException("worker " + worker + "'s ring is full: in-flight limit larger than the ring", e);
        }
    }

    private void publishOpenBatches() {
        for (int worker = 0; worker < rings.length; worker++) {
            final BatchEvent batch = openBatch[worker];
            if (batch != null) {
                inFlightBatchSizes[worker].offerInt(batch.count);
                openBatch[worker] = null;
                rings[worker].publish(openSequence[worker]);
            }
        }
    }

    /** True when nothing is admitted-but-unfinished (call on the scheduler thread). */
    boolean isQuiet() {
        return packer.pendingCount() == 0 && packer.isUnlocked();
    }

    BatchPacker packer() {
        return packer;
    }

    @Override
    public String roleName() {
        return "lanes-scheduler";
    }
}
