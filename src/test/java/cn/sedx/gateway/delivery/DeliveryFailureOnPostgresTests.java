package cn.sedx.gateway.delivery;

import cn.sedx.gateway.support.OnPostgres;

/** {@link DeliveryFailureTests} on PostgreSQL: dead letters, breakers and the replays' claims and state changes. */
@OnPostgres
class DeliveryFailureOnPostgresTests extends DeliveryFailureTests {}
