/**
 * Running the gateway: {@code sedx.home} and its folders, the production start-up check that refuses sample keys
 * and missing secrets, probes, graceful stop, masked JSON logs and the credential helpers of the distribution.
 * Hooks into Spring Boot and Logback by name (spring.factories, logback.xml); no feature depends on it. See
 * {@code docs/operations.md}.
 */
package cn.sedx.gateway.operations;
