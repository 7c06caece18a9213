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

    public static Mode sequential() {
        return new Mode(SEQUENTIAL, 1);
    }

    public static Mode parallel(final int workers) {
        return new Mode(PARALLEL, workers);
    }

    public boolean isSequential() {
        return SEQUENTIAL.equals(name);
    }

    /** "sequential" or "parallel w=2". */
    public String label() {
        return isSequential() ? name : name + " w=" + workers;
    }
}
