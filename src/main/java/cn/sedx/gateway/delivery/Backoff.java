package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter and a give-up age, per a destination's {@link Retry} settings. */
final class Backoff {

    private final Retry retry;
    private final DoubleSupplier random;

    /** @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public Backoff(Retry retry, DoubleSupplier random) {
        this.retry = retry;
        this.random = random;
    }

    /**
     * The wait after {@code failedAttempts} failed attempts: initial × multiplier^(n−1), capped, then spread
     * by ± jitter (never above the cap, never negative).
     */
    public Duration delayAfter(int failedAttempts) {
        double base = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, failedAttempts - 1));
        double capped = Math.min(base, retry.maxDelay().toMillis());
        double spread = capped * retry.jitter() * (2 * random.getAsDouble() - 1);
        long millis = Math.round(Math.min(retry.maxDelay().toMillis(), Math.max(0, capped + spread)));
        return Duration.ofMillis(millis);
    }

    /** Whether a delivery first attempted at {@code firstAttempt} has run out of time at {@code now}. */
    public boolean expired(Instant firstAttempt, Instant now) {
        return !now.isBefore(firstAttempt.plus(retry.giveUpAfter()));
    }
}
