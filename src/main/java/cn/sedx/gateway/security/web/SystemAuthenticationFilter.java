package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates submitting systems: by a TLS client certificate registered for the system, or by a bearer
 * token whose SHA-256 is registered. A presented but unknown credential is refused at once (401) and counted
 * against the source address, or answered 429 when the address is over its limit; a registered credential works
 * from a throttled address too (it costs one hash to check). A request with neither goes on to the other
 * mechanisms.
 */
class SystemAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final SystemRegistry systems;
    private final AuthenticationThrottle throttle;
    private final ProblemWriter problems;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    SystemAuthenticationFilter(SystemRegistry systems, AuthenticationThrottle throttle, ProblemWriter problems) {
        this.systems = systems;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = request.getRemoteAddr();
        Optional<String> system = fromCertificate(request);
        String header = request.getHeader("Authorization");
        if (system.isEmpty() && header != null && header.startsWith(BEARER)) {
            system = systems.systemForToken(header.substring(BEARER.length()).trim());
            if (system.isEmpty() && throttle.blocked(source)) {
                response.setHeader("Retry-After", String.valueOf(throttle.retryAfterSeconds(source)));
                problems.write(response, ErrorCode.RATE_LIMITED, "认证失败次数过多，请稍后再试",
                        "too many failed authentications from this address; try again later");
                return;
            }
            if (system.isEmpty()) {
                throttle.recordFailure(source);
                response.setHeader("WWW-Authenticate", "Bearer");
                problems.write(response, ErrorCode.UNAUTHENTICATED, "令牌无效", "the bearer token is not valid");
                return;
            }
        }
        system.ifPresent(id -> authenticate(request, id));
        chain.doFilter(request, response);
    }

    private Optional<String> fromCertificate(HttpServletRequest request) throws ServletException {
        if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            try {
                return systems.systemForCertificate(chain[0].getEncoded());
            } catch (CertificateEncodingException e) {
                throw new ServletException("client certificate cannot be encoded", e);
            }
        }
        return Optional.empty();
    }

    private void authenticate(HttpServletRequest request, String systemId) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(systemId, null,
                List.of(new SimpleGrantedAuthority("ROLE_SYSTEM")));
        authentication.setDetails(details.buildDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
