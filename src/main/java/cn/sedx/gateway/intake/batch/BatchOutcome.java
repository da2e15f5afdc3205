package cn.sedx.gateway.intake.batch;

/**
 * Where a processed batch file goes, beside its error reports and summary: the folder name is what the summary's
 * {@code outcome}, the {@link BatchHeaders#OUTCOME} header read by {@code routes/batch.camel.yaml} and the stored
 * upload carry ({@code moveFailed} in the route names {@code failed} too, for a file that could not be processed).
 */
enum BatchOutcome {
    /** Every record was accepted. */
    PROCESSED("processed"),
    /** A record failed, or the file held none. */
    FAILED("failed");

    private final String folder;

    BatchOutcome(String folder) {
        this.folder = folder;
    }

    /** The folder's name. */
    String folder() {
        return folder;
    }
}
