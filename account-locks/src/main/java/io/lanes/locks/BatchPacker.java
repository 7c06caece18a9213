package io.lanes.locks;

/**
 * Decides which pending transactions run on which worker, so that parallel execution ends in the
 * same state as executing the transactions one by one in the order they were handed to workers.
 *
 * <p>Drive it from one thread: {@link #add} transactions as they arrive, call {@link #schedule}
 * to hand work to workers, and call {@link #complete} for each transaction a worker finished
 * (then {@link #schedule} again: completions free locks and in-flight room).
 *
 * <p>The rule of a pass. Pending transactions are visited in priority order (higher priority
 * first, then earlier arrival), at most {@link PackerConfig#lookahead()} of them. A transaction is
 * scheduled on worker {@code w} only if
 * <ol>
 *   <li>the workers whose held locks conflict with it are none (then {@code w} is the worker with
 *       room and fewest transactions in flight, lowest index first) or exactly {@code w} (then it
 *       queues behind that worker's work), and {@code w} has room in this pass's batch and in
 *       flight; and</li>
 *   <li>it does not conflict with any transaction visited earlier in this pass and not scheduled:
 *       such a transaction reserves its accounts for the rest of the pass.</li>
 * </ol>
 * Hence two conflicting transactions always run in the order the packer saw them ranked, on one
 * worker in sequence or with the later one waiting for the earlier one's completion; a transaction
 * held up by a busy account is never overtaken by later conflicting ones, so it cannot starve.
 * Every decision depends only on the sequence of calls, never on time.
 *
 * <p>Cost. Adding is O(1) when priorities arrive in non-increasing order (all equal, say) and
 * O(log pending) otherwise. A pass costs O(1) per visited transaction plus its accounts; it stops
 * when no worker has room, but when the head of the queue is blocked (one hot account) it visits
 * the whole lookahead to find work for the other workers. So drive {@link #schedule} after a batch
 * of completions rather than after each one.
 *
 * <p>Not thread-safe. No allocation after warm-up (growth of pools on new maxima only).
 */
public final class BatchPacker {
    private static final int NONE = TxPool.NONE;

    private final PackerConfig config;
    private final AccountLockTable locks;
    private final TxPool pool;
    private final PendingOrder pending;
    private final Reservations reservations;
    private final int[] inFlightCounts;
    private final int[] passCounts;
    private long availableWorkers;
    private boolean inPass;
    /** The last pass scheduled nothing and no add or complete came since: a new pass would too. */
    private boolean fruitlessUntilChange;

    /** Creates a packer with {@code config}'s limits. */
    public BatchPacker(PackerConfig config) {
        this(config, 0, 0);
    }

    /**
     * Creates a packer with room for account ids {@code 0..initialAccounts-1} and
     * {@code initialTxs} live transactions before it needs to grow.
     */
    public BatchPacker(PackerConfig config, int initialAccounts, int initialTxs) {
        this.config = config;
        this.locks = new AccountLockTable(initialAccounts);
        this.reservations = new Reservations(initialAccounts);
        this.pool = new TxPool(initialTxs);
        this.pending = new PendingOrder(pool);
        this.inFlightCounts = new int[config.workers()];
        this.passCounts = new int[config.workers()];
    }

    /** The limits this packer enforces. */
    public PackerConfig config() {
        return config;
    }

    /**
     * Adds a pending transaction that writes {@code writeIds[0..writeCount)} and reads
     * {@code readIds[0..readCount)} (dense account ids; copied). Higher priority is scheduled
     * first; equal priorities in arrival order.
     *
     * @return the transaction's handle, valid until {@link #complete} returns for it
     */
    public int add(long priority, int[] writeIds, int writeCount, int[] readIds, int readCount) {
        requireOutsidePass();
        int maxId = Math.max(maxId(writeIds, writeCount), maxId(readIds, readCount));
        fruitlessUntilChange = false;
        ensureAccountCapacity(maxId + 1);
        int handle = pool.allocate(priority, writeIds, writeCount, readIds, readCount);
        pending.ensureTxCapacity(pool.capacity());
        pending.add(handle);
        return handle;
    }

    /**
     * One scheduling pass: hands pending transactions to workers by the rule in the class comment,
     * calling {@code sink} once per scheduled transaction, in each worker's execution order.
     * Each worker gets at most {@link PackerConfig#batchSize()} per pass and never more than
     * {@link PackerConfig#maxInFlightPerWorker()} in flight. Call it again after completions or
     * additions; a pass right after one that scheduled nothing, with no {@link #add} or
     * {@link #complete} in between, returns 0 at once (its outcome could not differ).
     *
     * @return how many transactions were scheduled
     */
    public int schedule(ScheduleSink sink) {
        requireOutsidePass();
        if (fruitlessUntilChange) {
            return 0;
        }
        inPass = true;
        try {
            return runPass(sink);
        } finally {
            inPass = false;
        }
    }

    /**
     * {@code worker} finished {@code txHandle}: releases its locks and in-flight room. The handle may
     * be reused by a later {@link #add}.
     *
     * @throws IllegalStateException if the transaction is not in flight on {@code worker}
     */
    public void complete(int worker, int txHandle) {
        requireOutsidePass();
        if (!pool.isValidHandle(txHandle) || pool.state(txHandle) != TxPool.IN_FLIGHT
                || pool.worker(txHandle) != worker) {
            throw new IllegalStateException("tx " + txHandle + " is not in flight on worker " + worker);
        }
        fruitlessUntilChange = false;
        locks.unlock(worker, pool.writeIds(txHandle), pool.writeCount(txHandle),
                pool.readIds(txHandle), pool.readCount(txHandle));
        inFlightCounts[worker]--;
        pool.release(txHandle);
    }

    /** Grows the account tables so that ids {@code 0..accounts-1} need no growth later. */
    public void ensureAccountCapacity(int accounts) {
        locks.ensureCapacity(accounts);
        reservations.ensureCapacity(accounts);
    }

    /** Number of transactions added and not yet scheduled. */
    public int pendingCount() {
        return pending.size();
    }

    /** Number of transactions scheduled on {@code worker} and not yet completed. */
    public int inFlightCount(int worker) {
        return inFlightCounts[worker];
    }

    /** True when no transaction holds a lock (all scheduled ones completed). */
    public boolean isUnlocked() {
        return locks.isUnlocked();
    }

    /** Number of accounts locked by in-flight transactions. */
    public int lockedAccountCount() {
        return locks.lockedAccountCount();
    }

    /** The worker {@code txHandle} is in flight on, or -1 while it is pending. */
    public int workerOf(int txHandle) {
        requireLive(txHandle);
        return pool.worker(txHandle);
    }

    /** The priority {@code txHandle} was added with. */
    public long priority(int txHandle) {
        requireLive(txHandle);
        return pool.priority(txHandle);
    }

    /** Number of accounts {@code txHandle} writes. */
    public int writeCount(int txHandle) {
        requireLive(txHandle);
        return pool.writeCount(txHandle);
    }

    /** The {@code index}-th account {@code txHandle} writes. */
    public int writeId(int txHandle, int index) {
        requireLive(txHandle);
        return pool.writeIds(txHandle)[requireIndex(index, pool.writeCount(txHandle))];
    }

    /** Number of accounts {@code txHandle} reads. */
    public int readCount(int txHandle) {
        requireLive(txHandle);
        return pool.readCount(txHandle);
    }

    /** The {@code index}-th account {@code txHandle} reads. */
    public int readId(int txHandle, int index) {
        requireLive(txHandle);
        return pool.readIds(txHandle)[requireIndex(index, pool.readCount(txHandle))];
    }

    private int runPass(ScheduleSink sink) {
        beginPass();
        int visitedCount = 0;
        int scheduledCount = 0;
        while (visitedCount < config.lookahead() && availableWorkers != 0) {
            int handle = pending.next();
            if (handle == NONE) {
                break;
            }
            visitedCount++;
            int worker = chooseWorker(handle);
            if (worker == NONE) {
                block(handle);
            } else {
                pending.scheduled(handle);
                dispatch(handle, worker, sink);
                scheduledCount++;
            }
        }
        fruitlessUntilChange = scheduledCount == 0;
        return scheduledCount;
    }

    private void beginPass() {
        reservations.beginPass();
        pending.beginPass();
        availableWorkers = 0;
        for (int worker = 0; worker < passCounts.length; worker++) {
            passCounts[worker] = 0;
            if (inFlightCounts[worker] < config.maxInFlightPerWorker()) {
                availableWorkers |= 1L << worker;
            }
        }
    }

    /** The worker that may run {@code handle} now, or {@link TxPool#NONE} if it must wait. */
    private int chooseWorker(int handle) {
        int[] writeIds = pool.writeIds(handle);
        int writeCount = pool.writeCount(handle);
        int[] readIds = pool.readIds(handle);
        int readCount = pool.readCount(handle);
        if (reservations.conflicts(writeIds, writeCount, readIds, readCount)) {
            return NONE;
        }
        long conflicting = locks.conflictingWorkers(writeIds, writeCount, readIds, readCount);
        if (conflicting == 0) {
            return leastLoadedAvailableWorker();
        }
        boolean singleWorker = (conflicting & (conflicting - 1)) == 0;
        if (singleWorker && (conflicting & availableWorkers) != 0) {
            return Long.numberOfTrailingZeros(conflicting);
        }
        return NONE;
    }

    private int leastLoadedAvailableWorker() {
        int best = NONE;
        for (long candidates = availableWorkers; candidates != 0; candidates &= candidates - 1) {
            int worker = Long.numberOfTrailingZeros(candidates);
            if (best == NONE || inFlightCounts[worker] < inFlightCounts[best]) {
                best = worker;
            }
        }
        return best;
    }

    private void block(int handle) {
        reservations.reserve(pool.writeIds(handle), pool.writeCount(handle),
                pool.readIds(handle), pool.readCount(handle));
        pending.blocked(handle);
    }

    private void dispatch(int handle, int worker, ScheduleSink sink) {
        locks.lock(worker, pool.writeIds(handle), pool.writeCount(handle),
                pool.readIds(handle), pool.readCount(handle));
        pool.markInFlight(handle, worker);
        inFlightCounts[worker]++;
        passCounts[worker]++;
        if (passCounts[worker] >= config.batchSize()
                || inFlightCounts[worker] >= config.maxInFlightPerWorker()) {
            availableWorkers &= ~(1L << worker);
        }
        sink.onScheduled(worker, handle);
    }

    private void requireOutsidePass() {
        if (inPass) {
            throw new IllegalStateException("the packer must not be called from a ScheduleSink");
        }
    }

    private void requireLive(int txHandle) {
        if (!pool.isValidHandle(txHandle)) {
            throw new IllegalStateException("no live tx with handle " + txHandle);
        }
    }

    private static int requireIndex(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (count - 1));
        }
        return index;
    }

    private static int maxId(int[] ids, int count) {
        if (count < 0 || count > ids.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + ids.length);
        }
        int maxId = -1;
        for (int i = 0; i < count; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException("negative account id " + ids[i]);
            }
            maxId = Math.max(maxId, ids[i]);
        }
        return maxId;
    }
}
