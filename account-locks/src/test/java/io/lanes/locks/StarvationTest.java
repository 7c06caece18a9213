package io.lanes.locks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction that needs a hot account, which a flood of equal-priority transactions keeps
 * locked, plus accounts held by work on another worker, must still be scheduled, within a bound
 * set by the flood that arrived before it (cf. Solana issues #23211 and #24616).
 */
class StarvationTest {
    private static final int HOT = 0;
    private static final int WORKERS = 2;
    private static final int FLOOD_BEFORE_TARGET = 200;
    private static final int FLOOD_PER_PASS = 100;
    private static final int MAX_PASSES = 50;

    private final BatchPacker packer = new BatchPacker(PackerConfig.defaults(WORKERS));
    private final int batchSize = packer.config().batchSize();
    private final List<int[]> inFlight = new ArrayList<>();
    /** Arrival index of each live handle (handles are recycled, arrival indices are not). */
    private final Map<Integer, Integer> arrivalByHandle = new HashMap<>();
    private final List<Integer> scheduledArrivals = new ArrayList<>();
    private int arrivalCount;
    private int nextFreshAccount = 1_000;

    @Test
    void hotAccountWriterIsNotStarvedByWriters() {
        assertTargetScheduledInBound(true);
    }

    @Test
    void hotAccountWriterIsNotStarvedByReaders() {
        assertTargetScheduledInBound(false);
    }

    private void assertTargetScheduledInBound(boolean floodWrites) {
        int longRunning = add(new int[] {3, 4}, new int[0]);
        addFlood(FLOOD_BEFORE_TARGET, floodWrites);
        int pass = 1;
        schedulePass();
        int longRunningWorker = packer.workerOf(longRunning);
        int[] targetWrites = {HOT, 1, 2, 3};
        int[] targetReads = {4, 5, 6, 7, 8, 9, 10};
        int target = add(targetWrites, targetReads);
        int targetArrival = arrivalByHandle.get(target);
        while (packer.workerOf(target) < 0) {
            assertTrue(pass < MAX_PASSES, "target still pending after " + pass + " passes");
            completeAllBut(longRunning);
            addFlood(FLOOD_PER_PASS, floodWrites);
            schedulePass();
            pass++;
        }
        int bound = ceilDiv(FLOOD_BEFORE_TARGET, batchSize) + 2;
        assertTrue(pass <= bound, "target scheduled in pass " + pass + ", bound " + bound);
        assertEquals(longRunningWorker, packer.workerOf(target), "queued behind the long-running work");
        assertNoLaterArrivalScheduledBefore(targetArrival);
    }

    private void assertNoLaterArrivalScheduledBefore(int targetArrival) {
        for (int arrival : scheduledArrivals) {
            if (arrival == targetArrival) {
                return;
            }
            assertTrue(arrival < targetArrival, "flood tx " + arrival + " overtook the target");
        }
    }

    private int add(int[] writes, int[] reads) {
        int handle = packer.add(0, writes, writes.length, reads, reads.length);
        arrivalByHandle.put(handle, arrivalCount++);
        return handle;
    }

    private void addFlood(int count, boolean floodWrites) {
        for (int i = 0; i < count; i++) {
            int own = nextFreshAccount++;
            if (floodWrites) {
                add(new int[] {HOT, own}, new int[0]);
            } else {
                add(new int[] {own}, new int[] {HOT});
            }
        }
    }

    private void schedulePass() {
        packer.schedule((worker, handle) -> {
            inFlight.add(new int[] {worker, handle});
            scheduledArrivals.add(arrivalByHandle.get(handle));
        });
    }

    private void completeAllBut(int keptHandle) {
        List<int[]> kept = new ArrayList<>();
        for (int[] entry : inFlight) {
            if (entry[1] == keptHandle) {
                kept.add(entry);
            } else {
                packer.complete(entry[0], entry[1]);
                arrivalByHandle.remove(entry[1]);
            }
        }
        inFlight.clear();
        inFlight.addAll(kept);
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
