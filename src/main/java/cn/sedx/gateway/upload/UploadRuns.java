package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.PersonalDataMask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bookkeeping of upload runs, their chunks and the watermark. A chunk's acknowledgement is not copied here:
 * it is the state of the chunk's message in the store, so delivery alone decides it.
 */
@Repository
class UploadRuns {

    static final String KIND = "PERSONNEL";
    private static final String RUN_COLUMNS = "id, state, trigger_kind, actor, reason, from_received_at, from_id,"
            + " to_received_at, to_id, total_filings, filings_done, records, produced_all, attempts, started_at,"
            + " heartbeat_at, finished_at, error";

    private final JdbcClient jdbc;

    UploadRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A chunk as recorded, with the state of its message.
     *
     * @param messageState the state of the chunk's PERSONNEL_BATCH message (ACKNOWLEDGED once the platform's
     *                     receipt verified)
     */
    record ChunkRow(int seq, String messageId, ScanKey after, ScanKey last, int filings, int records, long bytes,
            int attempts, String messageState) {}

    /**
     * Counts of a run's chunks.
     *
     * @param sent         chunks handed to delivery
     * @param acknowledged chunks whose message is ACKNOWLEDGED
     * @param failed       chunks whose message was dead-lettered (FAILED)
     */
    record ChunkCounts(int sent, int acknowledged, int failed) {}

    /** Locks the watermark row until the transaction ends (one run starts at a time in a cluster). */
    ScanKey lockWatermark() {
        return jdbc.sql("SELECT received_at, id FROM upload_watermark WHERE kind = ? FOR UPDATE").param(KIND)
                .query((rs, n) -> new ScanKey(rs.getTimestamp(1).toInstant(), rs.getString(2))).single();
    }

    ScanKey watermark() {
        return jdbc.sql("SELECT received_at, id FROM upload_watermark WHERE kind = ?").param(KIND)
                .query((rs, n) -> new ScanKey(rs.getTimestamp(1).toInstant(), rs.getString(2))).single();
    }

    /** The newest run that has not succeeded (RUNNING or FAILED), if any. */
    Optional<UploadRun> unfinished() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM upload_run WHERE kind = ? AND state <> 'SUCCEEDED'"
                        + " ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(UploadRuns::run).optional();
    }

    Optional<UploadRun> find(String id) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM upload_run WHERE id = ?").param(id)
                .query(UploadRuns::run).optional();
    }

    List<UploadRun> recent(int limit) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM upload_run WHERE kind = ? ORDER BY started_at DESC"
                        + " FETCH FIRST ? ROWS ONLY")
                .params(KIND, limit).query(UploadRuns::run).list();
    }

    List<UploadRun> running() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM upload_run WHERE kind = ? AND state = 'RUNNING'")
                .param(KIND).query(UploadRuns::run).list();
    }

    void insert(UploadRun run) {
        jdbc.sql("INSERT INTO upload_run (" + RUN_COLUMNS + ", kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(run.id(), run.state(), run.trigger(), run.actor(), run.reason(), ts(run.from().receivedAt()),
                        run.from().id(), run.to() == null ? null : ts(run.to().receivedAt()),
                        run.to() == null ? null : run.to().id(), run.totalFilings(), run.filingsDone(), run.records(),
                        run.producedAll(), run.attempts(), ts(run.startedAt()), ts(run.heartbeatAt()),
                        run.finishedAt() == null ? null : ts(run.finishedAt()), run.error(), KIND)
                .update();
    }

    /** Takes over a FAILED run, or a RUNNING one whose node went quiet before {@code staleBefore}. */
    boolean resume(String id, Instant now, Instant staleBefore) {
        return jdbc.sql("UPDATE upload_run SET state = 'RUNNING', attempts = attempts + 1, heartbeat_at = ?,"
                        + " finished_at = NULL, error = NULL, produced_all = FALSE WHERE id = ?"
                        + " AND (state = 'FAILED' OR (state = 'RUNNING' AND heartbeat_at < ?))")
                .params(ts(now), id, ts(staleBefore)).update() == 1;
    }

    /** Records progress; false when the run is no longer RUNNING (failed or taken over): stop producing. */
    boolean heartbeat(String id, long filingsDone, long records, Instant now) {
        return jdbc.sql("UPDATE upload_run SET filings_done = ?, records = ?, heartbeat_at = ? WHERE id = ?"
                        + " AND state = 'RUNNING'")
                .params(filingsDone, records, ts(now), id).update() == 1;
    }

    /** Records that the run's node is alive; false when the run is no longer RUNNING. */
    boolean touch(String id, Instant now) {
        return jdbc.sql("UPDATE upload_run SET heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'")
                .params(ts(now), id).update() == 1;
    }

    boolean producedAll(String id, Instant now) {
        return jdbc.sql("UPDATE upload_run SET produced_all = TRUE, heartbeat_at = ? WHERE id = ?"
                        + " AND state = 'RUNNING'")
                .params(ts(now), id).update() == 1;
    }

    boolean fail(String id, String failure, Instant now) {
        String error = PersonalDataMask.text(failure);
        return jdbc.sql("UPDATE upload_run SET state = 'FAILED', error = ?, finished_at = ? WHERE id = ?"
                        + " AND state = 'RUNNING'")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, ts(now), id).update() == 1;
    }

    /** Marks the run SUCCEEDED and moves the watermark to its last filing; call in one transaction. */
    boolean succeed(UploadRun run, Instant now) {
        int updated = jdbc.sql("UPDATE upload_run SET state = 'SUCCEEDED', finished_at = ? WHERE id = ?"
                        + " AND state = 'RUNNING'").params(ts(now), run.id()).update();
        if (updated == 1 && run.to() != null) {
            jdbc.sql("UPDATE upload_watermark SET received_at = ?, id = ?, run_id = ?, updated_at = ? WHERE kind = ?")
                    .params(ts(run.to().receivedAt()), run.to().id(), run.id(), ts(now), KIND).update();
        }
        return updated == 1;
    }

    void insertChunk(String runId, Chunk chunk, String messageId, long bytes, Instant now) {
        jdbc.sql("INSERT INTO upload_chunk (run_id, seq, message_id, after_received_at, after_id, last_received_at,"
                        + " last_id, filings, records, bytes, attempts, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,1,?)")
                .params(runId, chunk.seq(), messageId, ts(chunk.after().receivedAt()), chunk.after().id(),
                        ts(chunk.last().receivedAt()), chunk.last().id(), chunk.filings(), chunk.records(), bytes,
                        ts(now))
                .update();
    }

    /** Points a chunk at the message that re-sends it after its previous message was dead-lettered. */
    void replaceChunkMessage(String runId, int seq, String messageId, long bytes) {
        jdbc.sql("UPDATE upload_chunk SET message_id = ?, bytes = ?, attempts = attempts + 1 WHERE run_id = ?"
                        + " AND seq = ?").params(messageId, bytes, runId, seq).update();
    }

    List<ChunkRow> chunks(String runId) {
        return jdbc.sql("SELECT c.seq, c.message_id, c.after_received_at, c.after_id, c.last_received_at, c.last_id,"
                        + " c.filings, c.records, c.bytes, c.attempts, m.state FROM upload_chunk c"
                        + " JOIN message m ON m.id = c.message_id WHERE c.run_id = ? ORDER BY c.seq")
                .param(runId)
                .query((rs, n) -> new ChunkRow(rs.getInt(1), rs.getString(2),
                        new ScanKey(rs.getTimestamp(3).toInstant(), rs.getString(4)),
                        new ScanKey(rs.getTimestamp(5).toInstant(), rs.getString(6)), rs.getInt(7), rs.getInt(8),
                        rs.getLong(9), rs.getInt(10), rs.getString(11)))
                .list();
    }

    /** Records a filing the run left out; false when it was already recorded for this run. */
    boolean recordSkip(String runId, SkippedFiling skip, Instant now) {
        return jdbc.sql("INSERT INTO upload_skipped (run_id, message_id, received_at, code, reason, skipped_at)"
                        + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM upload_skipped WHERE run_id = ? AND message_id = ?)")
                .params(runId, skip.messageId(), ts(skip.key().receivedAt()), skip.code().name(),
                        PersonalDataMask.text(skip.reason()), ts(now), runId, skip.messageId())
                .update() == 1;
    }

    /** The filings a run left out, oldest first, at most {@code limit}. */
    List<SkippedFiling> skipped(String runId, int limit) {
        return jdbc.sql("SELECT message_id, received_at, code, reason FROM upload_skipped WHERE run_id = ?"
                        + " ORDER BY received_at, message_id FETCH FIRST ? ROWS ONLY")
                .params(runId, limit)
                .query((rs, n) -> new SkippedFiling(new ScanKey(rs.getTimestamp(2).toInstant(), rs.getString(1)),
                        ErrorCode.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }

    long skippedCount(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM upload_skipped WHERE run_id = ?").param(runId).query(Long.class)
                .single();
    }

    ChunkCounts counts(String runId) {
        return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN m.state = 'ACKNOWLEDGED' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN m.state = 'FAILED' THEN 1 ELSE 0 END) FROM upload_chunk c"
                        + " JOIN message m ON m.id = c.message_id WHERE c.run_id = ?")
                .param(runId)
                .query((rs, n) -> new ChunkCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private static UploadRun run(ResultSet rs, int row) throws SQLException {
        Timestamp to = rs.getTimestamp("to_received_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new UploadRun(rs.getString("id"), rs.getString("state"), rs.getString("trigger_kind"),
                rs.getString("actor"), rs.getString("reason"),
                new ScanKey(rs.getTimestamp("from_received_at").toInstant(), rs.getString("from_id")),
                to == null ? null : new ScanKey(to.toInstant(), rs.getString("to_id")), rs.getLong("total_filings"),
                rs.getLong("filings_done"), rs.getLong("records"), rs.getBoolean("produced_all"),
                rs.getInt("attempts"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("heartbeat_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("error"));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
