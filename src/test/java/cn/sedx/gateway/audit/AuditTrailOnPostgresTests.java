package cn.sedx.gateway.audit;

import cn.sedx.gateway.support.OnPostgres;

/** {@link AuditTrailTests} on PostgreSQL: the audit trail's appends, sealing and queries. */
@OnPostgres
class AuditTrailOnPostgresTests extends AuditTrailTests {}
