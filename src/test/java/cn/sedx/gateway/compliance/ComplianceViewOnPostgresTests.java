package cn.sedx.gateway.compliance;

import cn.sedx.gateway.support.OnPostgres;

/** {@link ComplianceViewTests} on PostgreSQL: the compliance view's ledger queries. */
@OnPostgres
class ComplianceViewOnPostgresTests extends ComplianceViewTests {}
