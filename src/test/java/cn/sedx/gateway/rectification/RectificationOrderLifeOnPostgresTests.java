package cn.sedx.gateway.rectification;

import cn.sedx.gateway.support.OnPostgres;

/** {@link RectificationOrderLifeTests} on PostgreSQL: the tracked orders' moves and the overdue check. */
@OnPostgres
class RectificationOrderLifeOnPostgresTests extends RectificationOrderLifeTests {}
