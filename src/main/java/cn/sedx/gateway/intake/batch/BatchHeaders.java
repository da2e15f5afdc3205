package cn.sedx.gateway.intake.batch;

/** Headers of the batch-intake route. */
final class BatchHeaders {

    /** The folder the file moves to once processed: {@code processed} or {@code failed}. */
    public static final String OUTCOME = "SedxBatchOutcome";

    private BatchHeaders() {}
}
