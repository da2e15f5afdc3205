package cn.sedx.gateway.security;

/**
 * The one Content-Security-Policy of every page and answer the gateway serves, by the API's filter chain and the
 * console's alike (docs/security.md): everything from the gateway itself, no inline script or style, no frames.
 */
public final class ContentSecurityPolicy {

    /** The policy's directives, as the header carries them. */
    public static final String DIRECTIVES = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private ContentSecurityPolicy() {}
}
