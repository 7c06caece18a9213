package io.lanes.locks;

/**
 * Drives a {@link BatchPacker} the way the scheduler does, on one thread and without allocating:
 * keeps up to {@code backlog} transactions pending, runs a pass, then completes the oldest
 * {@code completionsPerPass} scheduled transactions (all of them: workers that finish instantly),
 * in scheduling order. Used by the allocation test and by {@link PackerBenchmark}.
 */
final class PackerDriver implements ScheduleSink {
    /** Shapes of generated transactions. */
    enum Workload {
        /** Writes 2 fresh accounts, reads the shared program account 0. */
        DISTINCT,
        /** Writes the hot account 0 and 1 fresh account. */
        ALL_CONFLICTING,
        /** Like {@link #DISTINCT}, but every 4th tx also writes the hot account 1; random priorities. */
        MIXED
    }

    static final int PROGRAM_ACCOUNT = 0;
    static final int HOT_ACCOUNT = 0;
    static final int MIXED_HOT_ACCOUNT = 1;
    private static final int FIRST_FRESH_ACCOUNT = 2;

    private final BatchPacker packer;
    private final Workload workload;
    private final int backlog;
    private final int freshAccountMask;
    private final int[] writeIds = new int[3];
    private final int[] readIds = new int[1];
    private final int completionsPerPass;
    /** Ring of scheduled, not yet completed transactions, oldest first. */
    private final int[] scheduledWorkers;
    private final int[] scheduledHandles;
    private int scheduledHead;
    private int scheduledCount;
    private long txIndex;

    /**
     * @param freshAccountSpace number of distinct fresh account ids, a power of two; ids cycle
     *                          through it, so it must far exceed the transactions alive at once
     */
    PackerDriver(BatchPacker packer, Workload workload, int backlog, int freshAccountSpace) {
        this(packer, workload, backlog, freshAccountSpace, Integer.MAX_VALUE);
    }

    PackerDriver(BatchPacker packer, Workload workload, int backlog, int freshAccountSpace,
                 int completionsPerPass) {
        if (Integer.bitCount(freshAccountSpace) != 1) {
            throw new IllegalArgumentException("freshAccountSpace must be a power of two");
        }
        this.packer = packer;
        this.workload = workload;
        this.backlog = backlog;
        this.freshAccountMask = freshAccountSpace - 1;
        this.completionsPerPass = completionsPerPass;
        int maxInFlight = packer.config().workers() * packer.config().maxInFlightPerWorker();
        this.scheduledWorkers = new int[maxInFlight];
        this.scheduledHandles = new int[maxInFlight];
        packer.ensureAccountCapacity(FIRST_FRESH_ACCOUNT + freshAccountSpace);
    }

    /** Adds {@code txCount} transactions and drives them all to completion; returns the passes run. */
    long run(long txCount) {
        long added = 0;
        long passes = 0;
        while (added < txCount || packer.pendingCount() > 0 || scheduledCount > 0) {
            while (added < txCount && packer.pendingCount() < backlog) {
                addNext();
                added++;
            }
            runPassAndComplete();
            passes++;
        }
        assert packer.isUnlocked() : "locks left held after the run";
        return passes;
    }

    @Override
    public void onScheduled(int worker, int txHandle) {
        int slot = (scheduledHead + scheduledCount) % scheduledHandles.length;
        scheduledWorkers[slot] = worker;
        scheduledHandles[slot] = txHandle;
        scheduledCount++;
    }

    private void runPassAndComplete() {
        packer.schedule(this);
        int completions = Math.min(completionsPerPass, scheduledCount);
        for (int i = 0; i < completions; i++) {
            packer.complete(scheduledWorkers[scheduledHead], scheduledHandles[scheduledHead]);
            scheduledHead = (scheduledHead + 1) % scheduledHandles.length;
            scheduledCount--;
        }
    }

    private void addNext() {
        long index = txIndex++;
        int fresh = FIRST_FRESH_ACCOUNT + (int) ((2 * index) & freshAccountMask);
        switch (workload) {
            case DISTINCT:
                addTx(0, fresh, fresh + 1);
                break;
            case ALL_CONFLICTING:
                writeIds[0] = HOT_ACCOUNT;
                writeIds[1] = fresh;
                packer.add(0, writeIds, 2, readIds, 0);
                break;
            default:
                addMixed(index, fresh);
                break;
        }
    }

    private void addTx(long priority, int firstWrite, int secondWrite) {
        writeIds[0] = firstWrite;
        writeIds[1] = secondWrite;
        readIds[0] = PROGRAM_ACCOUNT;
        packer.add(priority, writeIds, 2, readIds, 1);
    }

    private void addMixed(long index, int fresh) {
        long priority = mix(index) & 1023;
        if ((index & 3) != 0) {
            addTx(priority, fresh, fresh + 1);
            return;
        }
        writeIds[0] = fresh;
        writeIds[1] = fresh + 1;
        writeIds[2] = MIXED_HOT_ACCOUNT;
        readIds[0] = PROGRAM_ACCOUNT;
        packer.add(priority, writeIds, 3, readIds, 1);
    }

    private static long mix(long value) {
        long mixed = value * 0x9E3779B97F4A7C15L;
        return mixed ^ (mixed >>> 29);
    }
}
