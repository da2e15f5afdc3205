/**
 * Who may do what: the registered submitting systems and their jurisdictions, operators and their roles, the
 * authentication throttle, rate limits and the content-security policy. Offers
 * {@link cn.sedx.gateway.security.Callers} (the caller of the current request),
 * {@link cn.sedx.gateway.security.SystemRegistry} and {@link cn.sedx.gateway.security.SubmissionAuthorizer} to the
 * channels and features; the filter chain itself is in {@code web}. See {@code docs/security.md}.
 */
package cn.sedx.gateway.security;
