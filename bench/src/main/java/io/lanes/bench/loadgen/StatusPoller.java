package io.lanes.bench.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.wire.Transaction;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waits until transactions have a final status, by polling {@code getSignatureStatuses} (with
 * {@code searchTransactionHistory}) over JSON-RPC in batches of {@value #STATUS_BATCH} every
 * {@value #POLL_MILLIS} ms. A status is final once it is "confirmed" or "finalized" (on one node:
 * its block is durable in the ledger).
 */
public final class StatusPoller {
    private static final int STATUS_BATCH = 256;
    private static final long POLL_MILLIS = 20;

    private final RpcClient rpc;
    private final Consumer<String> progress;

    /**
     * @param progress told "N% final" at every tenth of the way
     */
    public StatusPoller(final RpcClient rpc, final Consumer<String> progress) {
        this.rpc = rpc;
        this.progress = progress;
    }

    /** What became of the transactions. */
    public static final class Outcomes {
        private long succeeded;
        private long failed;
        private long missing;
        private long lastDoneNanos;
        private final Histogram latencyMicros = new Histogram(3);

        /** Final with no error. */
        public long succeeded() {
            return succeeded;
        }

        /** Final with an error (the fee was charged). */
        public long failed() {
            return failed;
        }

        /** Without a final status when the poller gave up. */
        public long missing() {
            return missing;
        }

        /** When the last poll that found a transaction final ran ({@code System.nanoTime}). */
        public long lastDoneNanos() {
            return lastDoneNanos;
        }

        /** Sent (per {@code sentNanos}) to the poll that saw it final, in microseconds. */
        public Histogram latencyMicros() {
            return latencyMicros;
        }
    }

    /**
     * Polls until every transaction is final or {@code timeoutSeconds} passed.
     *
     * @param sentNanos when each was sent (0: unknown, no latency recorded)
     */
    public Outcomes await(final Transaction[] transactions, final long[] sentNanos, final long timeoutSeconds)
        throws IOException, InterruptedException {
        final Outcomes outcomes = new Outcomes();
        final boolean[] done = new boolean[transactions.length];
        int remaining = transactions.length;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int lastPercent = -1;
        while (remaining > 0 && System.nanoTime() < deadline) {
            for (int start = 0; start < transactions.length; start += STATUS_BATCH) {
                remaining -= pollBatch(transactions, sentNanos, done, start, outcomes);
            }
            final int percent = (int) (100L * (transactions.length - remaining) / transactions.length);
            if (percent / 10 != lastPercent / 10) {
                progress.accept(percent + "% final");
                lastPercent = percent;
            }
            if (remaining > 0) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        outcomes.missing = remaining;
        return outcomes;
    }

    private int pollBatch(final Transaction[] transactions, final long[] sentNanos, final boolean[] done, final int start,
                          final Outcomes outcomes) throws IOException, InterruptedException {
        final List<Integer> pending = new ArrayList<>();
        final StringBuilder params = new StringBuilder("[[");
        for (int i = start; i < Math.min(transactions.length, start + STATUS_BATCH); i++) {
            if (!done[i]) {
                params.append(pending.isEmpty() ? "" : ",").append('"').append(transactions[i].signature(0)).append('"');
                pending.add(i);
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        final JsonNode statuses = rpc.call("getSignatureStatuses", params.append("],{\"searchTransactionHistory\":true}]").toString())
            .get("value");
        int finished = 0;
        final long nowNanos = System.nanoTime();
        for (int k = 0; k < pending.size(); k++) {
            final JsonNode status = statuses.get(k);
            if (status == null || status.isNull() || status.get("confirmationStatus").asText().equals("processed")) {
                continue;
            }
            final int index = pending.get(k);
            done[index] = true;
            finished++;
            if (status.get("err").isNull()) {
                outcomes.succeeded++;
            } else {
                outcomes.failed++;
            }
            if (sentNanos[index] > 0) {
                outcomes.latencyMicros.recordValue(Math.max(0, (nowNanos - sentNanos[index]) / 1_000));
            }
            outcomes.lastDoneNanos = nowNanos;
        }
        return finished;
    }
}
