/**
 * The audit trail (审计日志): owns the append-only {@code audit_entry} table, its SM3 hash chain ({@code AuditSealer},
 * run by {@code routes/audit.camel.yaml}) and the signed chain heads. Offers {@link cn.sedx.gateway.audit.AuditTrail}
 * to every feature that records a state change, refusal or operator action (masked before it is written),
 * {@link cn.sedx.gateway.audit.AuditVerifier} to the metrics and the console, and
 * {@link cn.sedx.gateway.audit.OperatorReason}, the reason every change by an operator must give.
 */
package cn.sedx.gateway.audit;
