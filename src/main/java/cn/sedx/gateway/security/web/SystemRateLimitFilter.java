package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SecuritySettings;
import cn.sedx.gateway.shared.ErrorCode;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits each submitting system to its request rate; over it, 429 with {@code Retry-After}. */
class SystemRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiterRegistry limiters;
    private final ProblemWriter problems;

    SystemRateLimitFilter(SecuritySettings settings, ProblemWriter problems) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.rateLimit().requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current().filter(Caller::isSystem);
        if (caller.isPresent() && !limiters.rateLimiter(caller.get().id()).acquirePermission()) {
            response.setHeader("Retry-After", "1");
            problems.write(response, ErrorCode.RATE_LIMITED, "请求过于频繁，请稍后再试", "too many requests; retry later");
            return;
        }
        chain.doFilter(request, response);
    }
}
