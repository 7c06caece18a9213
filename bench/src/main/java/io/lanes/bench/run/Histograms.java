package io.lanes.bench.run;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latency histograms in nanoseconds, 3 significant digits, up to ten minutes. */
public final class Histograms {
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);

    private Histograms() {
    }

    public static Histogram newNanos() {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    /** The value at a percentile, in microseconds. */
    public static double percentileMicros(final Histogram histogram, final double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e3;
    }

    static void recordClamped(final Histogram histogram, final long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }
}
