package cn.sedx.gateway.intake.batch;

/** A reader whose records may span several rows (CSV, xlsx): it tells how many data rows it has read. */
interface RowCounting {

    /** Data rows of the records returned so far. */
    long rowsRead();
}
