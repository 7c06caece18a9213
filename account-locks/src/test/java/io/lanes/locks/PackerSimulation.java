package io.lanes.locks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, single-threaded simulation of the scheduler driving a {@link BatchPacker} and of
 * workers that run their queues in order, taking random (seeded) times. Arrivals, passes, starts
 * and finishes interleave at random. It checks the packer's promises as it goes and at the end;
 * a broken promise throws {@link AssertionError}.
 */
final class PackerSimulation {
    /** Shape of one simulated workload. */
    record Workload(long seed, int accounts, int workers, int txCount, boolean equalPriorities,
                    int batchSize, int lookahead, int maxInFlightPerWorker) {
    }

    private static final int MAX_ACCOUNTS_PER_SET = 4;

    private final Workload workload;
    private final Random random;
    private final BatchPacker packer;
    private final long[] priorities;
    private final long[] writeMasks;
    private final long[] readMasks;
    private final int[][] writeIds;
    private final int[][] readIds;
    private final long[] addTimes;
    private final long[] scheduleTimes;
    private final long[] startTimes;
    private final long[] finishTimes;
    private final int[] handles;
    private final Map<Integer, Integer> txByHandle = new HashMap<>();
    private final List<ArrayDeque<Integer>> queues = new ArrayList<>();
    private final boolean[] headStarted;
    private final int[] passCounts;
    /** One entry per sink call: pass, worker and tx, packed; equal across runs of one seed. */
    private final List<Long> scheduleLog = new ArrayList<>();
    private long clock;
    private int passCount;
    private int addedCount;
    private int finishedCount;

    private PackerSimulation(Workload workload) {
        this.workload = workload;
        this.random = new Random(workload.seed());
        this.packer = new BatchPacker(new PackerConfig(workload.workers(), workload.batchSize(),
                workload.lookahead(), workload.maxInFlightPerWorker()));
        int txCount = workload.txCount();
        priorities = new long[txCount];
        writeMasks = new long[txCount];
        readMasks = new long[txCount];
        writeIds = new int[txCount][];
        readIds = new int[txCount][];
        addTimes = filled(txCount);
        scheduleTimes = filled(txCount);
        startTimes = filled(txCount);
        finishTimes = filled(txCount);
        handles = new int[txCount];
        headStarted = new boolean[workload.workers()];
        passCounts = new int[workload.workers()];
        for (int worker = 0; worker < workload.workers(); worker++) {
            queues.add(new ArrayDeque<>());
        }
        generateTxs();
    }

    /** Runs the workload to the end and returns its schedule log. */
    static List<Long> run(Workload workload) {
        PackerSimulation simulation = new PackerSimulation(workload);
        simulation.runToEnd();
        simulation.checkEnd();
        return simulation.scheduleLog;
    }

    private void generateTxs() {
        for (int tx = 0; tx < workload.txCount(); tx++) {
            priorities[tx] = workload.equalPriorities() ? 0 : random.nextInt(4);
            writeIds[tx] = randomAccounts();
            readIds[tx] = randomAccounts();
            writeMasks[tx] = maskOf(writeIds[tx]);
            readMasks[tx] = maskOf(readIds[tx]);
        }
    }

    /** Distinct random accounts; read and write sets of one tx may overlap. */
    private int[] randomAccounts() {
        int count = random.nextInt(MAX_ACCOUNTS_PER_SET + 1);
        long mask = 0;
        for (int i = 0; i < count; i++) {
            mask |= 1L << random.nextInt(workload.accounts());
        }
        int[] ids = new int[Long.bitCount(mask)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
        }
        return ids;
    }

    private void runToEnd() {
        long maxSteps = 200L * workload.txCount() + 1_000;
        while (finishedCount < workload.txCount()) {
            check(clock < maxSteps, "no progress after " + clock + " steps");
            clock++;
            int action = random.nextInt(6);
            if (action == 0) {
                addSome();
            } else if (action == 1) {
                schedulePass();
            } else {
                stepRandomWorker();
            }
        }
    }

    private void addSome() {
        int count = Math.min(1 + random.nextInt(5), workload.txCount() - addedCount);
        for (int i = 0; i < count; i++) {
            int tx = addedCount++;
            int handle = packer.add(priorities[tx], writeIds[tx], writeIds[tx].length,
                    readIds[tx], readIds[tx].length);
            check(!txByHandle.containsKey(handle), "handle " + handle + " handed out twice");
            txByHandle.put(handle, tx);
            handles[tx] = handle;
            addTimes[tx] = clock;
        }
    }

    private void schedulePass() {
        passCount++;
        Arrays.fill(passCounts, 0);
        boolean idleWithWork = totalInFlight() == 0 && packer.pendingCount() > 0;
        int scheduled = packer.schedule(this::onScheduled);
        check(!idleWithWork || scheduled > 0, "nothing in flight, work pending, nothing scheduled");
        check(scheduled <= workload.lookahead(), "pass scheduled more than the lookahead");
        for (int worker = 0; worker < workload.workers(); worker++) {
            check(passCounts[worker] <= workload.batchSize(), "batch size exceeded on " + worker);
            check(packer.inFlightCount(worker) <= workload.maxInFlightPerWorker(), "in-flight limit exceeded");
            check(packer.inFlightCount(worker) == queues.get(worker).size(), "in-flight count mismatch");
        }
    }

    private void onScheduled(int worker, int handle) {
        Integer tx = txByHandle.get(handle);
        check(tx != null, "sink got unknown handle " + handle);
        check(scheduleTimes[tx] < 0, "tx " + tx + " scheduled twice");
        checkNoConflictOnOtherWorkers(tx, worker);
        scheduleTimes[tx] = clock;
        passCounts[worker]++;
        queues.get(worker).addLast(tx);
        scheduleLog.add(((long) passCount << 32) | ((long) worker << 16) | tx);
    }

    private void checkNoConflictOnOtherWorkers(int tx, int worker) {
        for (int other = 0; other < workload.workers(); other++) {
            if (other == worker) {
                continue;
            }
            for (int inFlight : queues.get(other)) {
                check(!conflict(tx, inFlight), "tx " + tx + " on worker " + worker
                        + " conflicts with tx " + inFlight + " in flight on worker " + other);
            }
        }
    }

    private void stepRandomWorker() {
        int worker = random.nextInt(workload.workers());
        ArrayDeque<Integer> queue = queues.get(worker);
        if (queue.isEmpty()) {
            return;
        }
        int tx = queue.peekFirst();
        if (!headStarted[worker]) {
            startTimes[tx] = clock;
            headStarted[worker] = true;
            return;
        }
        finishTimes[tx] = clock;
        headStarted[worker] = false;
        queue.removeFirst();
        txByHandle.remove(handles[tx]);
        packer.complete(worker, handles[tx]);
        finishedCount++;
    }

    private void checkEnd() {
        check(packer.isUnlocked(), "locks left held");
        check(packer.pendingCount() == 0, "transactions left pending");
        check(scheduleLog.size() == workload.txCount(), "not every tx scheduled exactly once");
        for (int later = 0; later < workload.txCount(); later++) {
            for (int earlier = 0; earlier < workload.txCount(); earlier++) {
                checkOrder(earlier, later);
            }
        }
    }

    /**
     * If {@code earlier} ranks before {@code later}, they conflict, and both were pending together
     * (earlier arrived before later was scheduled), earlier finished before later started.
     */
    private void checkOrder(int earlier, int later) {
        if (earlier == later || !ranksBefore(earlier, later) || !conflict(earlier, later)) {
            return;
        }
        if (addTimes[earlier] >= scheduleTimes[later]) {
            return;
        }
        check(finishTimes[earlier] < startTimes[later], "tx " + earlier + " (priority " + priorities[earlier]
                + ") finished at " + finishTimes[earlier] + ", after conflicting tx " + later
                + " (priority " + priorities[later] + ") started at " + startTimes[later]);
    }

    private boolean ranksBefore(int tx, int other) {
        return priorities[tx] > priorities[other] || (priorities[tx] == priorities[other] && tx < other);
    }

    private boolean conflict(int tx, int other) {
        return (writeMasks[tx] & (writeMasks[other] | readMasks[other])) != 0
                || (readMasks[tx] & writeMasks[other]) != 0;
    }

    private int totalInFlight() {
        int total = 0;
        for (ArrayDeque<Integer> queue : queues) {
            total += queue.size();
        }
        return total;
    }

    private void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message + " in " + workload);
        }
    }

    private static long maskOf(int[] ids) {
        long mask = 0;
        for (int id : ids) {
            mask |= 1L << id;
        }
        return mask;
    }

    private static long[] filled(int length) {
        long[] times = new long[length];
        Arrays.fill(times, -1);
        return times;
    }
}
