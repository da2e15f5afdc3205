package cn.sedx.gateway.console;

import cn.sedx.gateway.support.OnPostgres;

/** {@link ConsoleOperationsTests} on PostgreSQL: the console's operations (replays, reads, searches) on the store. */
@OnPostgres
class ConsoleOperationsOnPostgresTests extends ConsoleOperationsTests {}
