package cn.sedx.gateway.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session after {@code sedx.console.idle-timeout} without the operator doing anything. A page's own
 * refresh (sent with {@code X-Console-Refresh}) is not activity: an overview left open on a screen still signs
 * out. The container's session timeout is set to the same length as a backstop.
 */
class IdleTimeout extends OncePerRequestFilter {

    static final String LAST_ACTIVITY = IdleTimeout.class.getName() + ".lastActivity";
    static final String REFRESH_HEADER = "X-Console-Refresh";

    private final ConsoleSettings settings;
    private final Clock clock;

    IdleTimeout(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.isAuthenticated()) {
            Instant now = clock.instant();
            Object last = session.getAttribute(LAST_ACTIVITY);
            if (last instanceof Instant at && at.plus(settings.idleTimeout()).isBefore(now)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + ConsoleSecurity.SIGN_IN + "?expired");
                return;
            }
            if (last == null || request.getHeader(REFRESH_HEADER) == null) {
                session.setAttribute(LAST_ACTIVITY, now);
            }
        }
        chain.doFilter(request, response);
    }
}
