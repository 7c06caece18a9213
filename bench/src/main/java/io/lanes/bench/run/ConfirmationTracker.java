package io.lanes.bench.run;

import io.lanes.bench.workload.RunOutcome;
import io.lanes.runtime.ingest.RejectionListener;
import io.lanes.runtime.rpc.NodeEvents;
import io.lanes.runtime.rpc.TransactionRecord;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;
import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes the time each transaction of a run becomes confirmed, subscribed to the node's state
 * ({@link io.lanes.runtime.node.NodeState#subscribe}): the node confirms a transaction when the
 * ledger block holding it is durable. Also counts what the sigverify stage rejected, as its
 * {@link RejectionListener}.
 *
 * <p>The signature-to-index map is built before the clock starts and only read afterwards.
 * Confirmations arrive on the ledger's writer thread (or the scheduler thread); each writes its
 * own slot of the timestamp array before it increments the confirmed count, which the waiting
 * thread reads.
 */
final class ConfirmationTracker implements NodeEvents, RejectionListener {
    /** The commitment level a transaction of a durable block reaches first. */
    static final String CONFIRMED = "confirmed";
    private static final long POLL_MILLIS = 1;

    private final Map<Signature, Integer> indexes;
    private final long[] confirmedNanos;
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong feesLamports = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastConfirmedNanos = new AtomicLong();

    /** Tracks the first {@code txCount} transactions. */
    ConfirmationTracker(final Transaction[] transactions, final int txCount) {
        indexes = new HashMap<>(txCount * 2);
        for (int tx = 0; tx < txCount; tx++) {
            indexes.put(transactions[tx].signature(0), tx);
        }
        confirmedNanos = new long[txCount];
    }

    @Override
    public void onTransaction(final TransactionRecord record) {
        if (!CONFIRMED.equals(record.confirmation())) {
            return;
        }
        final Integer index = indexes.get(record.transaction().signature(0));
        if (index == null || confirmedNanos[index] != 0) {
            return;
        }
        final long nowNanos = System.nanoTime();
        confirmedNanos[index] = nowNanos;
        (record.error() == null ? succeeded : failed).incrementAndGet();
        feesLamports.addAndGet(record.fee());
        lastConfirmedNanos.accumulateAndGet(nowNanos, Math::max);
        confirmed.incrementAndGet();
    }

    @Override
    public void rejected(final Transaction transaction, final TransactionError.Kind kind, final String reason) {
        rejected.incrementAndGet();
    }

    /**
     * Waits until every transaction is confirmed or rejected, giving up when nothing was
     * confirmed for {@code stallMillis}.
     *
     * @return true if every transaction was confirmed
     */
    boolean awaitAll(final long stallMillis) throws InterruptedException {
        final int expected = confirmedNanos.length;
        int seen = confirmed.get();
        long lastProgressNanos = System.nanoTime();
        while (seen + rejected.get() < expected) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            final int now = confirmed.get();
            if (now != seen) {
                seen = now;
                lastProgressNanos = System.nanoTime();
            } else if (System.nanoTime() - lastProgressNanos > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                return false;
            }
        }
        return seen == expected;
    }

    int confirmedCount() {
        return confirmed.get();
    }

    long lastConfirmedNanos() {
        return lastConfirmedNanos.get();
    }

    /** What the confirmed transactions did; the ones never confirmed count as rejected. */
    RunOutcome outcome() {
        final long confirmedCount = confirmed.get();
        return new RunOutcome(succeeded.get(), failed.get(), confirmedNanos.length - confirmedCount, feesLamports.get());
    }

    /** Latency of each confirmed transaction: its submission ({@code submitNanos}) to its confirmation. */
    Histogram latencies(final long[] submitNanos) {
        final Histogram histogram = Histograms.newNanos();
        for (int tx = 0; tx < confirmedNanos.length; tx++) {
            if (confirmedNanos[tx] != 0 && submitNanos[tx] != 0) {
                Histograms.recordClamped(histogram, confirmedNanos[tx] - submitNanos[tx]);
            }
        }
        return histogram;
    }
}
