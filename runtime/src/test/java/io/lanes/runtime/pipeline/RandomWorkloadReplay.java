package io.lanes.runtime.pipeline;

import io.lanes.runtime.testing.RandomWorkload;
import io.lanes.sdk.wire.Transaction;

import java.util.List;

/** A workload's genesis with another transaction order (a runtime's recorded order). */
final class RandomWorkloadReplay {
    private RandomWorkloadReplay() {
    }

    static RandomWorkload of(final RandomWorkload workload, final List<Transaction> order) {
        return workload.withTransactions(order);
    }
}
