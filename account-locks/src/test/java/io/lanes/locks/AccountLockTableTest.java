package io.lanes.locks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountLockTableTest {
    private static final int[] NONE = {};

    private final AccountLockTable table = new AccountLockTable(16);

    private static int[] ids(int... ids) {
        return ids;
    }

    private void lock(int worker, int[] writes, int[] reads) {
        table.lock(worker, writes, writes.length, reads, reads.length);
    }

    private void unlock(int worker, int[] writes, int[] reads) {
        table.unlock(worker, writes, writes.length, reads, reads.length);
    }

    private long conflicts(int[] writes, int[] reads) {
        return table.conflictingWorkers(writes, writes.length, reads, reads.length);
    }

    @Test
    void emptyTableHasNoConflictsAndIsUnlocked() {
        assertEquals(0, conflicts(ids(1, 2), ids(3)));
        assertTrue(table.isUnlocked());
        assertEquals(0, table.lockedAccountCount());
        assertEquals(-1, table.writer(1));
    }

    @Test
    void writeConflictsWithWrite() {
        lock(3, ids(5), NONE);
        assertEquals(1L << 3, conflicts(ids(5), NONE));
    }

    @Test
    void writeConflictsWithRead() {
        lock(2, NONE, ids(5));
        lock(7, NONE, ids(5));
        assertEquals((1L << 2) | (1L << 7), conflicts(ids(5), NONE));
    }

    @Test
    void readConflictsWithWrite() {
        lock(4, ids(5), NONE);
        assertEquals(1L << 4, conflicts(NONE, ids(5)));
    }

    @Test
    void readsDoNotConflictWithReads() {
        lock(1, NONE, ids(5, 6));
        lock(2, NONE, ids(5));
        assertEquals(0, conflicts(NONE, ids(5, 6)));
    }

    @Test
    void disjointAccountsDoNotConflict() {
        lock(1, ids(1), ids(2));
        assertEquals(0, conflicts(ids(3), ids(4)));
    }

    @Test
    void conflictsUnionOverAllAccountsAndWorkers() {
        lock(0, ids(1), NONE);
        lock(1, NONE, ids(2));
        lock(63, ids(3), NONE);
        assertEquals(1L | 2L | (1L << 63), conflicts(ids(2, 3), ids(1)));
    }

    @Test
    void writeCountsStackForOneWorker() {
        lock(3, ids(5), NONE);
        lock(3, ids(5), NONE);
        assertEquals(3, table.writer(5));
        assertEquals(2, table.writeCount(5));
        unlock(3, ids(5), NONE);
        assertEquals(3, table.writer(5));
        assertEquals(1, table.writeCount(5));
        unlock(3, ids(5), NONE);
        assertEquals(-1, table.writer(5));
        assertTrue(table.isUnlocked());
    }

    @Test
    void readCountsAndReaderMaskPerWorker() {
        lock(1, NONE, ids(5));
        lock(1, NONE, ids(5));
        lock(1, NONE, ids(5));
        lock(9, NONE, ids(5));
        assertEquals((1L << 1) | (1L << 9), table.readerMask(5));
        assertEquals(3, table.readCount(5, 1));
        assertEquals(1, table.readCount(5, 9));
        assertEquals(0, table.readCount(5, 2));
        unlock(1, NONE, ids(5));
        unlock(1, NONE, ids(5));
        assertEquals(1, table.readCount(5, 1));
        unlock(1, NONE, ids(5));
        assertEquals(1L << 9, table.readerMask(5));
        unlock(9, NONE, ids(5));
        assertEquals(0, table.readerMask(5));
        assertTrue(table.isUnlocked());
    }

    @Test
    void oneWorkerMayReadAndWriteTheSameAccount() {
        lock(2, NONE, ids(5));
        lock(2, ids(5), NONE);
        lock(2, NONE, ids(5));
        assertEquals(1L << 2, conflicts(NONE, ids(5)));
        assertEquals(1, table.lockedAccountCount());
        unlock(2, ids(5), NONE);
        unlock(2, NONE, ids(5));
        unlock(2, NONE, ids(5));
        assertTrue(table.isUnlocked());
    }

    @Test
    void lockedAccountCountCountsAccountsNotLocks() {
        lock(0, ids(1, 2), ids(3));
        lock(1, NONE, ids(3, 4));
        assertEquals(4, table.lockedAccountCount());
        assertFalse(table.isUnlocked());
        unlock(0, ids(1, 2), ids(3));
        assertEquals(2, table.lockedAccountCount());
        unlock(1, NONE, ids(3, 4));
        assertTrue(table.isUnlocked());
    }

    @Test
    void lockingAgainstAnotherWorkersWriteIsRejectedAndChangesNothing() {
        lock(0, ids(5), NONE);
        assertThrows(IllegalStateException.class, () -> lock(1, ids(6, 7), ids(8, 5)));
        assertEquals(1, table.lockedAccountCount());
        assertEquals(-1, table.writer(6));
        assertEquals(0, table.readerMask(8));
    }

    @Test
    void writeLockingAgainstAnotherWorkersReadIsRejectedAndChangesNothing() {
        lock(0, NONE, ids(5));
        assertThrows(IllegalStateException.class, () -> lock(1, ids(4, 5), NONE));
        assertEquals(-1, table.writer(4));
        assertEquals(1, table.lockedAccountCount());
    }

    @Test
    void unlockingWhatIsNotHeldIsRejectedAndChangesNothing() {
        lock(0, ids(1), ids(2));
        assertThrows(IllegalStateException.class, () -> unlock(1, ids(1), NONE));
        assertThrows(IllegalStateException.class, () -> unlock(0, ids(1), ids(2, 3)));
        assertThrows(IllegalStateException.class, () -> unlock(0, ids(2), NONE));
        assertEquals(0, table.writer(1));
        assertEquals(1, table.writeCount(1));
        assertEquals(1L, table.readerMask(2));
        unlock(0, ids(1), ids(2));
        assertTrue(table.isUnlocked());
    }

    @Test
    void unlockingTwiceIsRejected() {
        lock(0, ids(1), ids(2));
        unlock(0, ids(1), ids(2));
        assertThrows(IllegalStateException.class, () -> unlock(0, ids(1), ids(2)));
        assertTrue(table.isUnlocked());
    }

    @Test
    void outOfRangeWorkersAndIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> lock(64, ids(1), NONE));
        assertThrows(IllegalArgumentException.class, () -> lock(-1, ids(1), NONE));
        assertThrows(IllegalArgumentException.class, () -> lock(0, ids(1, table.capacity()), NONE));
        assertThrows(IllegalArgumentException.class, () -> lock(0, ids(-1), NONE));
        assertTrue(table.isUnlocked());
    }

    @Test
    void growingKeepsLocks() {
        lock(5, ids(3), ids(4));
        table.ensureCapacity(100_000);
        assertTrue(table.capacity() >= 100_000);
        lock(6, ids(99_999), NONE);
        assertEquals(5, table.writer(3));
        assertEquals(1L << 5, table.readerMask(4));
        assertEquals(1L << 6, conflicts(NONE, ids(99_999)));
        unlock(5, ids(3), ids(4));
        unlock(6, ids(99_999), NONE);
        assertTrue(table.isUnlocked());
    }

    @Test
    void countArgumentsLimitTheIdsUsed() {
        int[] writes = ids(1, 2, 3);
        table.lock(0, writes, 1, NONE, 0);
        assertEquals(0, table.writer(1));
        assertEquals(-1, table.writer(2));
        assertEquals(1L, table.conflictingWorkers(writes, 3, NONE, 0));
        assertEquals(0L, table.conflictingWorkers(writes, 0, NONE, 0));
    }
}
