package io.lanes.locks;

import java.util.Arrays;

/**
 * Pooled storage of transactions by handle: priority, arrival sequence, account ids and state.
 * Handles are recycled last-freed-first, so handle numbers depend only on the call sequence.
 * Grows by doubling; each handle keeps its id arrays for reuse.
 */
final class TxPool {
    static final int NONE = -1;
    static final byte FREE = 0;
    static final byte PENDING = 1;
    static final byte IN_FLIGHT = 2;

    private static final int MIN_CAPACITY = 16;
    private static final int MIN_IDS_PER_TX = 4;
    private static final int[] NO_IDS = new int[0];

    private long[] priorities;
    private long[] sequences;
    private int[][] writeIds;
    private int[] writeCounts;
    private int[][] readIds;
    private int[] readCounts;
    private byte[] states;
    private int[] workers;
    private int[] freeHandles;
    private int freeCount;
    private int capacity;
    private long nextSequence;

    TxPool(int initialCapacity) {
        capacity = 0;
        grow(Math.max(MIN_CAPACITY, initialCapacity));
    }

    int capacity() {
        return capacity;
    }

    /** Stores a new pending transaction and returns its handle. */
    int allocate(long priority, int[] writeIdsToCopy, int writeCount, int[] readIdsToCopy, int readCount) {
        if (freeCount == 0) {
            grow(2 * capacity);
        }
        int handle = freeHandles[--freeCount];
        assert states[handle] == FREE : "allocated handle " + handle + " is not free";
        priorities[handle] = priority;
        sequences[handle] = nextSequence++;
        writeIds[handle] = copyInto(writeIds[handle], writeIdsToCopy, writeCount);
        writeCounts[handle] = writeCount;
        readIds[handle] = copyInto(readIds[handle], readIdsToCopy, readCount);
        readCounts[handle] = readCount;
        states[handle] = PENDING;
        workers[handle] = NONE;
        return handle;
    }

    void markInFlight(int handle, int worker) {
        assert states[handle] == PENDING : "scheduling handle " + handle + " in state " + states[handle];
        states[handle] = IN_FLIGHT;
        workers[handle] = worker;
    }

    void release(int handle) {
        assert states[handle] == IN_FLIGHT : "releasing handle " + handle + " in state " + states[handle];
        states[handle] = FREE;
        workers[handle] = NONE;
        freeHandles[freeCount++] = handle;
    }

    /** True when {@code handle} ranks before {@code other}: higher priority, then earlier arrival. */
    boolean ranksBefore(int handle, int other) {
        long priority = priorities[handle];
        long otherPriority = priorities[other];
        return priority > otherPriority || (priority == otherPriority && sequences[handle] < sequences[other]);
    }

    boolean isValidHandle(int handle) {
        return handle >= 0 && handle < capacity && states[handle] != FREE;
    }

    byte state(int handle) {
        return states[handle];
    }

    int worker(int handle) {
        return workers[handle];
    }

    long priority(int handle) {
        return priorities[handle];
    }

    long sequence(int handle) {
        return sequences[handle];
    }

    int[] writeIds(int handle) {
        return writeIds[handle];
    }

    int writeCount(int handle) {
        return writeCounts[handle];
    }

    int[] readIds(int handle) {
        return readIds[handle];
    }

    int readCount(int handle) {
        return readCounts[handle];
    }

    private void grow(int newCapacity) {
        int oldCapacity = capacity;
        priorities = Arrays.copyOf(orEmpty(priorities), newCapacity);
        sequences = Arrays.copyOf(orEmpty(sequences), newCapacity);
        writeIds = Arrays.copyOf(writeIds == null ? new int[0][] : writeIds, newCapacity);
        readIds = Arrays.copyOf(readIds == null ? new int[0][] : readIds, newCapacity);
        writeCounts = Arrays.copyOf(orEmpty(writeCounts), newCapacity);
        readCounts = Arrays.copyOf(orEmpty(readCounts), newCapacity);
        states = Arrays.copyOf(states == null ? new byte[0] : states, newCapacity);
        workers = Arrays.copyOf(orEmpty(workers), newCapacity);
        freeHandles = Arrays.copyOf(orEmpty(freeHandles), newCapacity);
        for (int handle = newCapacity - 1; handle >= oldCapacity; handle--) {
            writeIds[handle] = NO_IDS;
            readIds[handle] = NO_IDS;
            workers[handle] = NONE;
            freeHandles[freeCount++] = handle;
        }
        capacity = newCapacity;
    }

    private static int[] copyInto(int[] storage, int[] ids, int count) {
        int[] target = storage.length >= count ? storage : new int[Math.max(MIN_IDS_PER_TX, count)];
        System.arraycopy(ids, 0, target, 0, count);
        return target;
    }

    private static long[] orEmpty(long[] array) {
        return array == null ? new long[0] : array;
    }

    private static int[] orEmpty(int[] array) {
        return array == null ? new int[0] : array;
    }
}
