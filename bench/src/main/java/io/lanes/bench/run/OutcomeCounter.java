package io.lanes.bench.run;

import io.lanes.bench.workload.RunOutcome;
import io.lanes.runtime.exec.ExecutionResult;

/** Counts outcomes as results come in, without allocating. Single-threaded. */
final class OutcomeCounter {
    private long succeeded;
    private long failed;
    private long rejected;
    private long feesLamports;

    void add(final ExecutionResult result) {
        switch (result.status()) {
            case SUCCEEDED -> succeeded++;
            case FAILED -> failed++;
            default -> rejected++;
        }
        feesLamports += result.fee();
    }

    void addRejected() {
        rejected++;
    }

    long rejected() {
        return rejected;
    }

    RunOutcome outcome() {
        return new RunOutcome(succeeded, failed, rejected, feesLamports);
    }
}
