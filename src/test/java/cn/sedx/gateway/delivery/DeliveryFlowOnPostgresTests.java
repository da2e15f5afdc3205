package cn.sedx.gateway.delivery;

import cn.sedx.gateway.support.OnPostgres;

/** {@link DeliveryFlowTests} on PostgreSQL: the outbox's claims and the lanes' batched attempts and state changes. */
@OnPostgres
class DeliveryFlowOnPostgresTests extends DeliveryFlowTests {}
