package cn.sedx.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value computed at most once per period, on demand; concurrent callers wait for one computation. */
final class Cached<T> {

    private final Supplier<T> compute;
    private final Duration period;
    private final Clock clock;
    private T value;
    private Instant computedAt;

    Cached(Supplier<T> compute, Duration period, Clock clock) {
        this.compute = compute;
        this.period = period;
        this.clock = clock;
    }

    synchronized T get() {
        Instant now = clock.instant();
        if (computedAt == null || !now.isBefore(computedAt.plus(period))) {
            value = compute.get();
            computedAt = now;
        }
        return value;
    }
}
