package io.lanes.bench.run;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread so far (HotSpot's per-thread counter), or -1. */
final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadAllocation() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
            return hotspot;
        }
        return null;
    }

    static long currentThreadBytes() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    static double perTx(final long before, final long after, final int txCount) {
        return before < 0 || after < 0 || txCount == 0 ? -1 : (after - before) / (double) txCount;
    }
}
