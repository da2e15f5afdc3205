package cn.sedx.gateway.console;

import cn.sedx.gateway.security.AuthenticationThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in from a source address the API's throttle has blocked, before the password is hashed: the
 * form costs a bcrypt check like HTTP Basic does, so it is throttled the same way and counted by the same throttle.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final AuthenticationThrottle throttle;

    SignInThrottleFilter(AuthenticationThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && ConsoleSecurity.SIGN_IN.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.blocked(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            response.sendRedirect(request.getContextPath() + ConsoleSecurity.SIGN_IN + "?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
