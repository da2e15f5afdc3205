/**
 * The HTTP filter chain: bearer-token and client-certificate authentication of systems, operator authentication,
 * rate limiting, the access rules per path, and problem bodies written from filters. Nothing depends on it.
 */
package cn.sedx.gateway.security.web;
