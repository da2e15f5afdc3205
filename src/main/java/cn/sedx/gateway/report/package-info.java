/**
 * The year-end report follow-up (年度报告跟踪): per configured organisation, the state of its newest report of a
 * year, every version, and whether it is late. Offers {@link cn.sedx.gateway.report.YearEndReports} to the console.
 */
package cn.sedx.gateway.report;
