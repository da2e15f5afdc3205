package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import java.time.Instant;

/**
 * One upload run as recorded.
 *
 * @param state        RUNNING, SUCCEEDED or FAILED
 * @param trigger      SCHEDULE or OPERATOR
 * @param actor        who started it (an operator, or {@code scheduler})
 * @param reason       the operator's reason, or null
 * @param from         the watermark the run started from (exclusive)
 * @param to           the last filing the run uploads (inclusive), or null when there was nothing to upload
 * @param totalFilings filings between {@code from} and {@code to}
 * @param filingsDone  filings cut into chunks so far
 * @param records      person records cut into chunks so far
 * @param producedAll  whether every chunk has been cut and handed to delivery
 * @param attempts     1, plus one per resumption
 * @param error        why the run failed, or null
 */
public record UploadRun(String id, String state, String trigger, String actor, String reason, ScanKey from,
        ScanKey to, long totalFilings, long filingsDone, long records, boolean producedAll, int attempts,
        Instant startedAt, Instant heartbeatAt, Instant finishedAt, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    /** Percentage of the run's filings cut into chunks (100 when there was nothing to do). */
    public int progress() {
        return progress(0);
    }

    /** Percentage of the run's filings cut into chunks or left out ({@code skipped} of them). */
    public int progress(long skipped) {
        return totalFilings == 0 ? 100 : (int) (Math.min(totalFilings, filingsDone + skipped) * 100 / totalFilings);
    }
}
