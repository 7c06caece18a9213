package io.lanes.locks;

import java.util.Arrays;

/**
 * The pending transactions in priority order (higher priority first, then earlier arrival), as
 * three sorted sources merged on the fly during a pass:
 * <ul>
 *   <li>the <em>window</em>: transactions that some pass visited but did not schedule, kept in a
 *       sorted doubly-linked list, so the next pass revisits them without re-sorting;</li>
 *   <li>the <em>run</em>: a ring of never-visited transactions whose arrivals were already in
 *       order (priority not higher than the previous one in the ring: the all-equal-priority case
 *       costs O(1) per transaction);</li>
 *   <li>the <em>heap</em>: a binary heap of the other never-visited transactions.</li>
 * </ul>
 * A pass walks the window from its head and pulls from run and heap whenever their head ranks
 * earlier; a pulled transaction that is not scheduled is linked into the window at the walk's
 * position, which keeps the window sorted. So each transaction enters and leaves the heap once.
 */
final class PendingOrder {
    private static final int NONE = TxPool.NONE;
    private static final int FROM_WINDOW = 0;
    private static final int FROM_RUN = 1;
    private static final int FROM_HEAP = 2;
    private static final int MIN_CAPACITY = 16;

    private final TxPool pool;

    private int[] previous = new int[0];
    private int[] next = new int[0];
    private int windowHead = NONE;
    private int windowTail = NONE;
    private int windowSize;

    private int[] run = new int[MIN_CAPACITY];
    private int runHead;
    private int runSize;
    private long runLastPriority;

    private int[] heap = new int[MIN_CAPACITY];
    private int heapSize;

    private int cursor = NONE;
    private int lastSource = FROM_WINDOW;

    PendingOrder(TxPool pool) {
        this.pool = pool;
        ensureTxCapacity(pool.capacity());
    }

    /** Makes room for handles {@code 0..txCapacity-1}. */
    void ensureTxCapacity(int txCapacity) {
        if (txCapacity > next.length) {
            previous = Arrays.copyOf(previous, txCapacity);
            next = Arrays.copyOf(next, txCapacity);
        }
    }

    int size() {
        return windowSize + runSize + heapSize;
    }

    /** Adds a never-visited pending transaction. */
    void add(int handle) {
        long priority = pool.priority(handle);
        if (runSize == 0 || priority <= runLastPriority) {
            appendToRun(handle, priority);
        } else {
            pushOnHeap(handle);
        }
    }

    /** Starts a walk from the earliest-ranked pending transaction. */
    void beginPass() {
        cursor = windowHead;
    }

    /**
     * The next pending transaction of this walk, in rank order, or {@link TxPool#NONE} at the end.
     * The caller must answer with {@link #scheduled} or {@link #blocked} before asking again.
     */
    int next() {
        int best = cursor;
        lastSource = FROM_WINDOW;
        if (runSize > 0 && (best == NONE || pool.ranksBefore(run[runHead], best))) {
            best = run[runHead];
            lastSource = FROM_RUN;
        }
        if (heapSize > 0 && (best == NONE || pool.ranksBefore(heap[0], best))) {
            best = heap[0];
            lastSource = FROM_HEAP;
        }
        if (lastSource == FROM_RUN) {
            takeFromRun();
        } else if (lastSource == FROM_HEAP) {
            takeFromHeap();
        }
        return best;
    }

    /** The transaction last returned by {@link #next} left the pending set. */
    void scheduled(int handle) {
        if (lastSource == FROM_WINDOW) {
            assert handle == cursor : "scheduled " + handle + " is not the walk position " + cursor;
            cursor = next[handle];
            unlink(handle);
        }
    }

    /** The transaction last returned by {@link #next} stays pending; the walk moves past it. */
    void blocked(int handle) {
        if (lastSource == FROM_WINDOW) {
            assert handle == cursor : "blocked " + handle + " is not the walk position " + cursor;
            cursor = next[handle];
        } else {
            linkBefore(cursor, handle);
        }
    }

    private void appendToRun(int handle, long priority) {
        if (runSize == run.length) {
            run = unwrapped(run, runHead, runSize, 2 * run.length);
            runHead = 0;
        }
        run[(runHead + runSize) & (run.length - 1)] = handle;
        runSize++;
        runLastPriority = priority;
    }

    private void takeFromRun() {
        runHead = (runHead + 1) & (run.length - 1);
        runSize--;
    }

    private void pushOnHeap(int handle) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, 2 * heap.length);
        }
        int index = heapSize++;
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!pool.ranksBefore(handle, heap[parent])) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = handle;
    }

    private void takeFromHeap() {
        int last = heap[--heapSize];
        int index = 0;
        int half = heapSize >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < heapSize && pool.ranksBefore(heap[right], heap[child])) {
                child = right;
            }
            if (!pool.ranksBefore(heap[child], last)) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        if (heapSize > 0) {
            heap[index] = last;
        }
    }

    private void linkBefore(int successor, int handle) {
        int predecessor = successor == NONE ? windowTail : previous[successor];
        previous[handle] = predecessor;
        next[handle] = successor;
        if (predecessor == NONE) {
            windowHead = handle;
        } else {
            next[predecessor] = handle;
        }
        if (successor == NONE) {
            windowTail = handle;
        } else {
            previous[successor] = handle;
        }
        windowSize++;
    }

    private void unlink(int handle) {
        int predecessor = previous[handle];
        int successor = next[handle];
        if (predecessor == NONE) {
            windowHead = successor;
        } else {
            next[predecessor] = successor;
        }
        if (successor == NONE) {
            windowTail = predecessor;
        } else {
            previous[successor] = predecessor;
        }
        windowSize--;
    }

    private static int[] unwrapped(int[] ring, int head, int size, int newLength) {
        int[] grown = new int[newLength];
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(head + i) & (ring.length - 1)];
        }
        return grown;
    }
}
