package cn.sedx.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications per source address in fixed windows, for every credential the gateway checks
 * (HTTP Basic, bearer tokens, WS-Security UsernameTokens). A costly check (bcrypt) first {@linkplain #reserve
 * reserves} its failure and gives it back only when it succeeds, so parallel guesses are counted before they cost
 * anything and the ones past the limit never run. A source over the limit is refused any credential that would
 * need checking; credentials known good (a registered token, a recently verified password) still work from it.
 * Thread-safe.
 */
@Component
public class AuthenticationThrottle {

    // Bounds the memory a flood of spoofed sources can take: past this, expired windows are purged first.
    private static final int MAX_SOURCES = 100_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final SecuritySettings.FailedAuthenticationSettings settings;
    private final Clock clock;

    public AuthenticationThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings.failedAuthentication();
        this.clock = clock;
    }

    /** A failure counted ahead of a costly check; {@link #succeeded} takes it back. */
    public interface Reservation {

        /** The check succeeded: the reserved failure is not one. */
        void succeeded();
    }

    /** Whether this source has failed too often in the current window. */
    public boolean blocked(String source) {
        return failures(source) >= settings.maxFailures();
    }

    /** The failures counted for this source in its current window (0 when it has none). */
    public int failures(String source) {
        Window window = windows.get(source);
        return window == null || window.expired(clock.instant()) ? 0 : window.failures.get();
    }

    /**
     * Counts a failure for {@code source} before a costly check is made.
     *
     * @return the reservation to give back on success; empty, counting nothing, when the source is over its limit
     */
    public Optional<Reservation> reserve(String source) {
        Window window = window(source);
        if (window.failures.incrementAndGet() > settings.maxFailures()) {
            window.failures.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(window.failures::decrementAndGet);
    }

    /** Counts a failure of a cheap check (a token looked up by its hash), after it failed. */
    public void recordFailure(String source) {
        window(source).failures.incrementAndGet();
    }

    /** How long a blocked source must wait, in whole seconds (at least 1). */
    public long retryAfterSeconds(String source) {
        Window window = windows.get(source);
        long left = window == null ? 0 : window.end.getEpochSecond() - clock.instant().getEpochSecond();
        return Math.max(1, left);
    }

    private Window window(String source) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_SOURCES) {
            windows.values().removeIf(window -> window.expired(now));
        }
        return windows.compute(source, (key, window) -> window == null || window.expired(now)
                ? new Window(now.plus(settings.window()))
                : window);
    }

    private static final class Window {
        private final Instant end;
        private final AtomicInteger failures = new AtomicInteger();

        Window(Instant end) {
            this.end = end;
        }

        boolean expired(Instant now) {
            return !now.isBefore(end);
        }
    }
}
