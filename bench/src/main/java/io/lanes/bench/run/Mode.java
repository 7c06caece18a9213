package io.lanes.bench.run;

/**
 * How transactions are executed: the sequential executor (no scheduler, no threads: the
 * baseline), the parallel runtime with dedicated threads and a number of workers, or the parallel
 * runtime behind signature verification and the ledger ({@link Stage#PIPELINE}) or inside a whole
 * node fed over its ingest port ({@link Stage#E2E}).
 *
 * @param name    "sequential" or "parallel", as results.json spells it (or "shared", a diagnostic)
 * @param workers worker threads; 1 for the sequential executor (it runs on the caller's thread)
 * @param stage   what the run covers
 */
public record Mode(String name, int workers, Stage stage) {
    public static final String SEQUENTIAL = "sequential";
    public static final String PARALLEL = "parallel";
    /** A diagnostic mode ({@link SharedRunner}), not in results.json. */
    public static final String SHARED = "shared";

    public static Mode sequential() {
        return new Mode(SEQUENTIAL, 1, Stage.EXECUTE);
    }

    public static Mode parallel(final int workers) {
        return new Mode(PARALLEL, workers, Stage.EXECUTE);
    }

    /** The parallel runtime's agents all on the calling thread (diagnostic). */
    public static Mode shared(final int workers) {
        return new Mode(SHARED, workers, Stage.EXECUTE);
    }

    /** The parallel runtime with {@code workers} workers in the pipeline or e2e stage. */
    public static Mode ofStage(final Stage stage, final int workers) {
        if (stage == Stage.EXECUTE) {
            throw new IllegalArgumentException("execute-stage modes are sequential(), parallel() or shared()");
        }
        return new Mode(PARALLEL, workers, stage);
    }

    public boolean isShared() {
        return SHARED.equals(name);
    }

    public boolean isSequential() {
        return SEQUENTIAL.equals(name);
    }

    /** The parallel runtime in the execute stage (the mode the execute-stage targets name). */
    public boolean isExecuteParallel() {
        return PARALLEL.equals(name) && stage == Stage.EXECUTE;
    }

    /** "sequential", "parallel w=2", "shared w=1 (one thread)", "pipeline w=1" or "e2e w=1". */
    public String label() {
        if (stage != Stage.EXECUTE) {
            return stage.id() + " w=" + workers;
        }
        return isSequential() ? name : name + " w=" + workers + (isShared() ? " (one thread)" : "");
    }
}
