package cn.sedx.gateway.intake.batch;

import java.time.Instant;
import java.util.List;

/**
 * One batch file uploaded over HTTP, as its status resource shows it.
 *
 * @param id       the batch id
 * @param state    QUEUED, RUNNING, DONE (every record decided; see {@code outcome}) or FAILED (the file could not
 *                 be processed at all; see {@code failure})
 * @param records  records read so far
 * @param accepted of those, accepted (including {@code repeated})
 * @param refused  of those, refused
 * @param repeated of the accepted, those an earlier run or an identical file had already stored
 * @param outcome  when DONE: {@code processed} (none refused) or {@code failed}
 * @param reports  when DONE: the report files' names ({@code <file>.errors.xlsx|json|csv}, {@code .summary.json})
 */
public record BatchUpload(
        String id,
        String submittingSystem,
        String idempotencyKey,
        String fileName,
        String format,
        String sha256,
        long sizeBytes,
        String state,
        long records,
        long accepted,
        long refused,
        long repeated,
        String outcome,
        List<String> reports,
        String failure,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Whether the batch has finished, one way or the other. */
    public boolean finished() {
        return state.equals("DONE") || state.equals("FAILED");
    }
}
