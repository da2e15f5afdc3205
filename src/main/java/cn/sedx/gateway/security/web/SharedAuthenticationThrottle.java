package cn.sedx.gateway.security.web;

import cn.sedx.gateway.security.AuthenticationThrottle;
import org.springframework.stereotype.Component;

/** The API's {@link FailedAuthenticationThrottle} as the security module offers it to other features. */
@Component
class SharedAuthenticationThrottle implements AuthenticationThrottle {

    private final FailedAuthenticationThrottle throttle;

    SharedAuthenticationThrottle(FailedAuthenticationThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean blocked(String source) {
        return throttle.blocked(source);
    }
}
