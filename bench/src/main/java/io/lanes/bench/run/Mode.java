package io.lanes.bench.run;

/**
 * How transactions are executed: the sequential executor (no scheduler, no threads: the
 * baseline) or the parallel runtime with dedicated threads and a number of workers.
 *
 * @param name    "sequential" or "parallel", as results.json spells it
 * @param workers worker threads; 1 for the sequential executor (it runs on the caller's thread)
 */
public record Mode(String name, int workers) {
    public static final String SEQUENTIAL = "sequential";
    public static final String PARALLEL = "parallel";
    /** A diagnostic mode ({@link SharedRunner}), not in results.json. */
    public static final String SHARED = "shared";

    public static Mode sequential() {
        return new Mode(SEQUENTIAL, 1);
    }

    public static Mode parallel(final int workers) {
        return new Mode(PARALLEL, workers);
    }

    /** The parallel runtime's agents all on the calling thread (diagnostic). */
    public static Mode shared(final int workers) {
        return new Mode(SHARED, workers);
    }

    public boolean isShared() {
        return SHARED.equals(name);
    }

    public boolean isSequential() {
        return SEQUENTIAL.equals(name);
    }

    /** "sequential", "parallel w=2" or "shared w=1 (one thread)". */
    public String label() {
        return isSequential() ? name : name + " w=" + workers + (isShared() ? " (one thread)" : "");
    }
}
