/**
 * Agencies' reports (检验、鉴定评审机构报告) as regulators read them: an inspection or assessment agency's system submits
 * a report of a non-compliant unit (intake; its approval number checked against the system's registration here); the
 * gateway delivers it to the unit's local regulator (delivery, destination kind LOCAL_REGULATOR); a regulator's
 * system reads the reports of its jurisdiction through {@code GET /api/v1/agency-reports}.
 */
package cn.sedx.gateway.agency;
