package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditTrail;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * What happens around a console session: a successful sign-in gets the configured idle timeout and an audit entry,
 * then goes to the page that was asked for (or the overview); a sign-out is audited too.
 */
class ConsoleSignIns extends SavedRequestAwareAuthenticationSuccessHandler implements LogoutHandler {

    static final String SIGNED_IN = "CONSOLE_SIGNED_IN";
    static final String SIGNED_OUT = "CONSOLE_SIGNED_OUT";

    private final ConsoleSettings settings;
    private final AuditTrail audit;

    ConsoleSignIns(ConsoleSettings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
        setDefaultTargetUrl("/console/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        request.getSession().setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
        audit.record(authentication.getName(), SIGNED_IN, null, "console sign-in from " + request.getRemoteAddr());
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            audit.record(authentication.getName(), SIGNED_OUT, null, "console sign-out");
        }
    }
}
