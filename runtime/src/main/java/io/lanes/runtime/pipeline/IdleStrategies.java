package io.lanes.runtime.pipeline;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * Idle strategies by name, for configuration. The default, {@code backoff}, spins briefly, then
 * yields, then parks for up to 50 microseconds: on a 2-core machine three busy-spinning threads
 * starve each other (measured: Disruptor hand-off falls from 70-260M to ~25M events/s), so idle
 * agents must give the cores back.
 */
public final class IdleStrategies {
    public static final String DEFAULT = "backoff";
    /**
     * Longest park of the default strategy. A worker finishes a 64-transaction batch in tens of
     * microseconds, so a scheduler parked for a millisecond left it idle most of the time
     * (measured: W1 with 2 accounts at ~0.45x sequential with 1 ms, see bench/README.md).
     */
    static final long MAX_PARK_MICROS = 50;

    private IdleStrategies() {
    }

    /**
     * @param name one of {@code backoff}, {@code busy-spin}, {@code yield}, {@code sleep}, {@code no-op}
     */
    public static IdleStrategy byName(final String name) {
        switch (name) {
            case "backoff":
                return new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(MAX_PARK_MICROS));
            case "busy-spin":
                return new BusySpinIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            case "sleep":
                return new SleepingMillisIdleStrategy(1);
            case "no-op":
                return new NoOpIdleStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown idle strategy '" + name + "': use backoff, busy-spin, yield, sleep or no-op");
        }
    }
}
