package cn.sedx.gateway.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as authenticated by the security filter chain. */
public final class Callers {

    private Callers() {}

    /**
     * Makes {@code systemId} the caller of the current request, for a channel that proved the system's
     * credential in its own protocol (a WS-Security UsernameToken checked with {@link SystemRegistry}).
     * Never call it with an unverified id.
     */
    public static void authenticateSystem(String systemId) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(systemId, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Caller.Kind.SYSTEM.name())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    /** The authenticated caller, or empty on an unauthenticated (public) path. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Caller.Kind kind : Caller.Kind.values()) {
                if (authority.getAuthority().equals("ROLE_" + kind.name())) {
                    return Optional.of(new Caller(authentication.getName(), kind));
                }
            }
        }
        return Optional.empty();
    }
}
