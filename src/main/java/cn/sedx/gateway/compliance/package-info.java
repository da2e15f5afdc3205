/**
 * The campaign compliance view (专项整治合规视图) and the year-end figures the gateway computes from the filings in
 * the store. Owns the ledgers it reads a region with; offers {@link cn.sedx.gateway.compliance.ComplianceView} and its
 * {@link cn.sedx.gateway.compliance.ComplianceReport} to the REST API and the console, and
 * {@link cn.sedx.gateway.compliance.YearEndFigures} to the year-end report follow-up (figures compared with the
 * reported ones).
 */
package cn.sedx.gateway.compliance;
