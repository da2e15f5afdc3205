/**
 * The gateway's own Prometheus metrics ({@code sedx_*}, listed in {@code docs/operations.md}) and the destination
 * status behind them. Offers {@link cn.sedx.gateway.metrics.GatewayMetrics}, which intake and delivery call.
 */
package cn.sedx.gateway.metrics;
