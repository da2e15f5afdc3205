package cn.sedx.gateway.upload;

import cn.sedx.gateway.support.OnPostgres;

/** {@link PersonnelUploadTests} on PostgreSQL: the national upload's runs, chunks, watermark and settlement. */
@OnPostgres
class PersonnelUploadOnPostgresTests extends PersonnelUploadTests {}
