package cn.sedx.gateway.receipt;

import cn.sedx.gateway.support.OnPostgres;

/** {@link DocumentExchangeCallbackTests} on PostgreSQL: the document exchange's callbacks and their state changes. */
@OnPostgres
class DocumentExchangeCallbackOnPostgresTests extends DocumentExchangeCallbackTests {}
