package cn.sedx.gateway.security;

/**
 * The failed-authentication throttle of the API, for other ways in that authenticate the same accounts (the
 * operator console's sign-in form): a source address that has failed too often in the current window is refused
 * before its credentials are looked at. Failures of the form are counted by the throttle itself, from Spring
 * Security's authentication-failure events.
 */
public interface AuthenticationThrottle {

    /** Whether requests from this source address are refused for now. */
    boolean blocked(String source);
}
