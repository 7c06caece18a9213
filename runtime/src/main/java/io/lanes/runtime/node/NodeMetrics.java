package io.lanes.runtime.node;

import io.lanes.runtime.pipeline.ParallelRuntime;
import org.HdrHistogram.Histogram;

/**
 * The node's counters, as a log line every few seconds and as Prometheus text for
 * {@code GET /metrics}. Rates are over the interval since the previous log line.
 */
public final class NodeMetrics {
    private final ParallelRuntime runtime;
    private final NodeState state;
    private long lastSubmitted;
    private long lastExecuted;
    private long lastNanos = System.nanoTime();
    private volatile double lastP99Millis;

    public NodeMetrics(final ParallelRuntime runtime, final NodeState state) {
        this.runtime = runtime;
        this.state = state;
    }

    /** {@link #logLine()} if anything was submitted or executed since the previous call, else null. */
    public synchronized String logLineIfActive() {
        final boolean active = runtime.submittedCount() != lastSubmitted
            || state.succeededCount() + state.failedCount() != lastExecuted || queued() > 0;
        return active ? logLine() : null;
    }

    /** One line: rates since the previous call, totals, queue depth and p99 submit-to-execution latency. */
    public synchronized String logLine() {
        final long now = System.nanoTime();
        final double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        final long submitted = runtime.submittedCount();
        final long executed = state.succeededCount() + state.failedCount();
        final Histogram latency = state.takeLatencyMicros();
        lastP99Millis = latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(99) / 1000.0;
        final String line = String.format(java.util.Locale.ROOT,
            "lanes metrics slot=%d tps_in=%.0f tps_executed=%.0f executed=%d failed=%d rejected=%d queued=%d p99_ms=%.2f",
            state.slot(), (submitted - lastSubmitted) / seconds, (executed - lastExecuted) / seconds,
            executed, state.failedCount(), state.rejectedCount(), queued(), lastP99Millis);
        lastSubmitted = submitted;
        lastExecuted = executed;
        lastNanos = now;
        return line;
    }

    private long queued() {
        return Math.max(0, runtime.submittedCount() - runtime.finishedCount());
    }

    /** Prometheus text exposition format. */
    public String prometheus() {
        final StringBuilder text = new StringBuilder(1024);
        counter(text, "lanes_transactions_submitted_total", "Transactions handed to the runtime.", runtime.submittedCount());
        counter(text, "lanes_transactions_succeeded_total", "Transactions executed successfully.", state.succeededCount());
        counter(text, "lanes_transactions_failed_total", "Transactions executed that failed (fee charged).", state.failedCount());
        counter(text, "lanes_transactions_rejected_total", "Transactions rejected before execution.", state.rejectedCount());
        gauge(text, "lanes_transactions_queued", "Submitted and not yet finished.", queued());
        gauge(text, "lanes_slot", "Current slot.", state.slot());
        gauge(text, "lanes_block_height", "Blocks sealed.", state.blockHeight());
        gauge(text, "lanes_latency_p99_milliseconds", "p99 submit-to-execution latency over the last metrics interval.", lastP99Millis);
        return text.toString();
    }

    private static void counter(final StringBuilder text, final String name, final String help, final long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
            .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(final StringBuilder text, final String name, final String help, final double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
            .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
