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
 * yields, then parks for up to a millisecond: on a 2-core machine three busy-spinning threads
 * starve each other (measured: Disruptor hand-off falls from 70-260M to ~25M events/s), so idle
 * agents must give the cores back.
 */
public final class IdleStrategies {
    public static final String DEFAULT = "backoff";

    private IdleStrategies() {
    }

    /**
     * @param name one of {@code backoff}, {@code busy-spin}, {@code yield}, {@code sleep}, {@code no-op}
     */
    public static IdleStrategy byName(final String name) {
        switch (name) {
            case "backoff":
                return new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
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
