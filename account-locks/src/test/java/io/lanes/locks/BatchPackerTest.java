package io.lanes.locks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchPackerTest {
    private static final int[] NONE = {};

    /** Records sink calls as {worker, handle} pairs. */
    private static final class Recorder implements ScheduleSink {
        final List<int[]> calls = new ArrayList<>();

        @Override
        public void onScheduled(int worker, int txHandle) {
            calls.add(new int[] {worker, txHandle});
        }

        int workerOf(int handle) {
            for (int[] call : calls) {
                if (call[1] == handle) {
                    return call[0];
                }
            }
            return -1;
        }

        List<Integer> handles() {
            List<Integer> handles = new ArrayList<>();
            calls.forEach(call -> handles.add(call[1]));
            return handles;
        }

        List<Integer> workers() {
            List<Integer> workers = new ArrayList<>();
            calls.forEach(call -> workers.add(call[0]));
            return workers;
        }
    }

    private static int[] ids(int... ids) {
        return ids;
    }

    private static int add(BatchPacker packer, long priority, int[] writes, int[] reads) {
        return packer.add(priority, writes, writes.length, reads, reads.length);
    }

    private static int add(BatchPacker packer, int[] writes, int[] reads) {
        return add(packer, 0, writes, reads);
    }

    private static Recorder schedule(BatchPacker packer) {
        Recorder recorder = new Recorder();
        int scheduled = packer.schedule(recorder);
        assertEquals(recorder.calls.size(), scheduled);
        return recorder;
    }

    private static BatchPacker packer(int workers) {
        return new BatchPacker(PackerConfig.defaults(workers));
    }

    @Test
    void nonConflictingTransactionsSpreadAcrossWorkers() {
        BatchPacker packer = packer(3);
        for (int i = 0; i < 6; i++) {
            add(packer, ids(10 + i), ids(1));
        }
        Recorder pass = schedule(packer);
        assertEquals(List.of(0, 1, 2, 0, 1, 2), pass.workers());
        assertEquals(0, packer.pendingCount());
        assertEquals(2, packer.inFlightCount(0));
    }

    @Test
    void workerWithFewestInFlightIsPicked() {
        BatchPacker packer = packer(2);
        int first = add(packer, ids(1), NONE);
        add(packer, ids(1), NONE);
        schedule(packer);
        packer.complete(0, first);
        add(packer, ids(7), NONE);
        assertEquals(List.of(1), schedule(packer).workers());
    }

    @Test
    void transactionConflictingOnlyWithOneWorkerQueuesOnIt() {
        BatchPacker packer = packer(2);
        add(packer, ids(1), NONE);
        add(packer, ids(2), NONE);
        assertEquals(List.of(0, 1), schedule(packer).workers());
        int reader = add(packer, NONE, ids(2));
        int writer = add(packer, ids(1), ids(5));
        Recorder pass = schedule(packer);
        assertEquals(1, pass.workerOf(reader));
        assertEquals(0, pass.workerOf(writer));
    }

    @Test
    void transactionConflictingWithTwoWorkersWaitsForOne() {
        BatchPacker packer = packer(2);
        int onZero = add(packer, ids(1), NONE);
        int onOne = add(packer, ids(2), NONE);
        schedule(packer);
        int both = add(packer, ids(3), ids(1, 2));
        assertEquals(0, packer.schedule(new Recorder()));
        assertEquals(1, packer.pendingCount());
        packer.complete(0, onZero);
        Recorder pass = schedule(packer);
        assertEquals(1, pass.workerOf(both));
        packer.complete(1, onOne);
    }

    @Test
    void blockedTransactionReservesItsAccountsForTheRestOfThePass() {
        BatchPacker packer = packer(2);
        int onZero = add(packer, ids(1), NONE);
        int onOne = add(packer, ids(2), NONE);
        schedule(packer);
        int blocked = add(packer, ids(1, 2), NONE);
        int laterWriter = add(packer, ids(2), NONE);
        int laterReader = add(packer, NONE, ids(1));
        int unrelated = add(packer, ids(9), NONE);
        Recorder pass = schedule(packer);
        assertEquals(List.of(unrelated), pass.handles());
        packer.complete(0, onZero);
        packer.complete(1, onOne);
        Recorder next = schedule(packer);
        assertEquals(List.of(blocked, laterWriter, laterReader), next.handles());
        int worker = next.workerOf(blocked);
        assertEquals(List.of(worker, worker, worker), next.workers());
    }

    @Test
    void readersOfAReservedReadAccountMayProceed() {
        BatchPacker packer = packer(2);
        add(packer, ids(1), NONE);
        add(packer, ids(2), NONE);
        schedule(packer);
        add(packer, NONE, ids(1, 2, 5));
        int reader = add(packer, NONE, ids(5));
        int writer = add(packer, ids(5), NONE);
        assertEquals(List.of(reader), schedule(packer).handles());
        assertEquals(2, packer.pendingCount());
        assertTrue(packer.workerOf(writer) < 0);
    }

    @Test
    void batchSizeLimitsEachWorkerPerPass() {
        BatchPacker packer = new BatchPacker(new PackerConfig(2, 3, 1024, 100));
        for (int i = 0; i < 10; i++) {
            add(packer, ids(i), NONE);
        }
        Recorder pass = schedule(packer);
        assertEquals(6, pass.calls.size());
        assertEquals(3, packer.inFlightCount(0));
        assertEquals(3, packer.inFlightCount(1));
        assertEquals(4, schedule(packer).calls.size());
    }

    @Test
    void batchSizeLimitsQueuedWorkToo() {
        BatchPacker packer = new BatchPacker(new PackerConfig(2, 3, 1024, 100));
        for (int i = 0; i < 5; i++) {
            add(packer, ids(7, 100 + i), NONE);
        }
        int free = add(packer, ids(8), NONE);
        Recorder pass = schedule(packer);
        assertEquals(List.of(0, 0, 0, 1), pass.workers());
        assertEquals(1, pass.workerOf(free));
        assertEquals(2, packer.pendingCount());
    }

    @Test
    void inFlightLimitHoldsAcrossPasses() {
        BatchPacker packer = new BatchPacker(new PackerConfig(2, 3, 1024, 4));
        List<Integer> handles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            handles.add(add(packer, ids(i), NONE));
        }
        assertEquals(6, schedule(packer).calls.size());
        assertEquals(2, schedule(packer).calls.size());
        assertEquals(0, schedule(packer).calls.size());
        assertEquals(4, packer.inFlightCount(0));
        assertEquals(4, packer.inFlightCount(1));
        packer.complete(0, handles.get(0));
        Recorder pass = schedule(packer);
        assertEquals(List.of(0), pass.workers());
    }

    @Test
    void priorityOrderThenArrivalOrder() {
        BatchPacker packer = packer(2);
        long[] priorities = {5, 3, 9, 1, 9, 3, 5};
        int[] handles = new int[priorities.length];
        for (int i = 0; i < priorities.length; i++) {
            handles[i] = add(packer, priorities[i], ids(1), NONE);
        }
        Recorder pass = schedule(packer);
        int[] expectedOrder = {2, 4, 0, 6, 1, 5, 3};
        List<Integer> expected = new ArrayList<>();
        for (int index : expectedOrder) {
            expected.add(handles[index]);
        }
        assertEquals(expected, pass.handles());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), pass.workers());
    }

    @Test
    void laterHigherPriorityArrivalIsVisitedBeforeEarlierBlockedOnes() {
        BatchPacker packer = packer(2);
        int onZero = add(packer, ids(1), NONE);
        int onOne = add(packer, ids(2), NONE);
        schedule(packer);
        int low = add(packer, 1, ids(1, 2, 3), NONE);
        assertEquals(0, schedule(packer).calls.size());
        int high = add(packer, 7, ids(3), NONE);
        Recorder pass = schedule(packer);
        assertEquals(List.of(high), pass.handles());
        packer.complete(0, onZero);
        packer.complete(1, onOne);
        assertEquals(List.of(low), schedule(packer).handles());
    }

    @Test
    void lookaheadLimitsVisitedTransactions() {
        BatchPacker packer = new BatchPacker(new PackerConfig(2, 64, 2, 256));
        add(packer, ids(1), NONE);
        add(packer, ids(2), NONE);
        schedule(packer);
        add(packer, ids(1, 2), NONE);
        add(packer, ids(1, 2), NONE);
        int free = add(packer, ids(3), NONE);
        assertEquals(0, schedule(packer).calls.size());
        assertTrue(packer.workerOf(free) < 0);
    }

    @Test
    void completeReleasesLocksAndRecyclesHandles() {
        BatchPacker packer = packer(1);
        int handle = add(packer, ids(4, 5), ids(6));
        assertEquals(2, packer.writeCount(handle));
        assertEquals(5, packer.writeId(handle, 1));
        assertEquals(6, packer.readId(handle, 0));
        schedule(packer);
        assertEquals(3, packer.lockedAccountCount());
        packer.complete(0, handle);
        assertTrue(packer.isUnlocked());
        assertThrows(IllegalStateException.class, () -> packer.writeCount(handle));
        int recycled = add(packer, ids(8), NONE);
        assertEquals(handle, recycled);
        assertEquals(8, packer.writeId(recycled, 0));
    }

    @Test
    void completingWhatIsNotInFlightIsRejected() {
        BatchPacker packer = packer(2);
        int handle = add(packer, ids(1), NONE);
        assertThrows(IllegalStateException.class, () -> packer.complete(0, handle));
        schedule(packer);
        assertThrows(IllegalStateException.class, () -> packer.complete(1, handle));
        assertThrows(IllegalStateException.class, () -> packer.complete(0, 12345));
        packer.complete(0, handle);
        assertThrows(IllegalStateException.class, () -> packer.complete(0, handle));
        assertTrue(packer.isUnlocked());
    }

    @Test
    void sinkMustNotCallBack() {
        BatchPacker packer = packer(1);
        add(packer, ids(1), NONE);
        assertThrows(IllegalStateException.class,
                () -> packer.schedule((worker, handle) -> packer.complete(worker, handle)));
        assertEquals(1, packer.inFlightCount(0));
    }

    @Test
    void defaultLookaheadCoversTwiceAPassAtLeast256() {
        assertEquals(256, PackerConfig.defaults(1).lookahead());
        assertEquals(256, PackerConfig.defaults(2).lookahead());
        assertEquals(2048, PackerConfig.defaults(16).lookahead());
        assertEquals(64, PackerConfig.defaults(16).batchSize());
        assertEquals(256, PackerConfig.defaults(16).maxInFlightPerWorker());
    }

    @Test
    void badArgumentsAreRejected() {
        BatchPacker packer = packer(1);
        assertThrows(IllegalArgumentException.class, () -> add(packer, ids(-1), NONE));
        assertThrows(IllegalArgumentException.class, () -> packer.add(0, ids(1), 2, NONE, 0));
        assertThrows(IllegalArgumentException.class, () -> new PackerConfig(65, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PackerConfig(1, 0, 1, 1));
        assertEquals(0, packer.pendingCount());
    }

    @Test
    void accountIdsBeyondInitialCapacityGrowTheTables() {
        BatchPacker packer = new BatchPacker(PackerConfig.defaults(1), 4, 4);
        int handle = add(packer, ids(1_000_000), ids(3));
        schedule(packer);
        packer.complete(0, handle);
        assertTrue(packer.isUnlocked());
    }
}
