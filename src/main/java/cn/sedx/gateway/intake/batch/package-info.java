/**
 * Batch files (批量报送): the inbox folders polled by {@code routes/batch.camel.yaml} and the uploads of
 * {@code POST /api/v1/batches}, read record by record (JSON Lines, XML, CSV, xlsx) through the intake, with error
 * reports and a summary per file. Offers {@link cn.sedx.gateway.intake.batch.BatchUploads} to the REST channel.
 * See {@code docs/batch.md}.
 */
package cn.sedx.gateway.intake.batch;
