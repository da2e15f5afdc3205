package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.SecuritySettings;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications per source address in fixed windows; a source over the limit is refused
 * before its credentials are even looked at, which slows password and token guessing.
 */
@Component
class FailedAuthenticationThrottle {

    // Bounds the memory a flood of spoofed sources can take: past this, expired windows are purged first.
    private static final int MAX_SOURCES = 100_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final SecuritySettings.FailedAuthenticationSettings settings;
    private final Clock clock;

    FailedAuthenticationThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings.failedAuthentication();
        this.clock = clock;
    }

    /** Whether this source has failed too often in the current window. */
    boolean blocked(String source) {
        Window window = windows.get(source);
        return window != null && !window.expired(clock.instant()) && window.failures.get() >= settings.maxFailures();
    }

    void recordFailure(String source) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_SOURCES) {
            windows.values().removeIf(window -> window.expired(now));
        }
        windows.compute(source, (key, window) -> window == null || window.expired(now)
                ? new Window(now.plus(settings.window()))
                : window).failures.incrementAndGet();
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            recordFailure(details.getRemoteAddress());
        }
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
