package io.lanes.bench.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the threads that take part in a parallel run: the submitting thread and the
 * runtime's agent threads (named {@code lanes-scheduler}, {@code lanes-worker-N}). The difference
 * of two snapshots over a run says which thread limits it: a thread busy for the whole elapsed
 * time is the bottleneck; all threads together busy for cores x elapsed means the machine is.
 * Snapshots allocate; take them outside the measured loop.
 */
public final class ThreadCpu {
    /** The key of the submitting (calling) thread of a parallel run. */
    public static final String SUBMITTER = "submitter";
    /** The key of the calling thread of a sequential or shared run (it does all the work). */
    public static final String CALLER = "caller";
    private static final String RUNTIME_THREAD_PREFIX = "lanes-";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Netty names its threads poolName-groupNumber-threadNumber. */
    private static final java.util.regex.Pattern NETTY_GROUP_NUMBER = java.util.regex.Pattern.compile("^(lanes-[a-z]+-)\\d+-(?=\\d+$)");

    private ThreadCpu() {
    }

    /** CPU nanoseconds per thread now: the caller as {@link #SUBMITTER}, and every live runtime thread. */
    public static Map<String, Long> snapshot() {
        final Map<String, Long> cpuNanos = new TreeMap<>();
        if (!THREADS.isThreadCpuTimeSupported()) {
            return cpuNanos;
        }
        cpuNanos.put(SUBMITTER, THREADS.getCurrentThreadCpuTime());
        for (final Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(RUNTIME_THREAD_PREFIX)) {
                cpuNanos.put(stableName(thread.getName()), THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return cpuNanos;
    }

    /**
     * The name without the number Netty gives each new event loop group ({@code lanes-ingest-6-1} becomes
     * {@code lanes-ingest-1}), so that the same thread of each e2e run's node has the same key.
     */
    static String stableName(final String threadName) {
        return NETTY_GROUP_NUMBER.matcher(threadName).replaceFirst("$1");
    }

    /** CPU nanoseconds the calling thread has used so far, -1 if not supported. */
    public static long currentThreadNanos() {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** {@link #CALLER}'s CPU time between two readings of {@link #currentThreadNanos}; empty if not supported. */
    public static Map<String, Long> callerBetween(final long beforeNanos, final long afterNanos) {
        return beforeNanos < 0 || afterNanos < 0 ? Map.of() : Map.of(CALLER, afterNanos - beforeNanos);
    }

    /** CPU nanoseconds each thread used between the snapshots (threads in both only). */
    public static Map<String, Long> between(final Map<String, Long> before, final Map<String, Long> after) {
        final Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((name, nanos) -> {
            final Long start = before.get(name);
            if (start != null && start >= 0 && nanos >= 0) {
                used.put(name, nanos - start);
            }
        });
        return used;
    }
}
