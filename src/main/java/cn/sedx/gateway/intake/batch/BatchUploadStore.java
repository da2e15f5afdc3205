package cn.sedx.gateway.intake.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code batch_upload} table: uploads, their claim by a worker, their progress and outcome. */
@Repository
class BatchUploadStore {

    private static final String COLUMNS = "id, submitting_system, idempotency_key, file_name, format, sha256,"
            + " size_bytes, state, records, accepted, refused, repeated, outcome, reports, failure, created_at,"
            + " started_at, finished_at";

    private final JdbcClient jdbc;

    BatchUploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new upload in state QUEUED; a second one with the same system and key fails on the unique index. */
    void insert(BatchUpload upload, String node) {
        jdbc.sql("INSERT INTO batch_upload (id, submitting_system, idempotency_key, file_name, format, sha256,"
                        + " size_bytes, node, state, records, accepted, refused, repeated, attempts, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, ?, ?)")
                .params(upload.id(), upload.submittingSystem(), upload.idempotencyKey(), upload.fileName(),
                        upload.format(), upload.sha256(), upload.sizeBytes(), node, at(upload.createdAt()),
                        at(upload.createdAt()))
                .update();
    }

    Optional<BatchUpload> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM batch_upload WHERE id = ?").param(id)
                .query(BatchUploadStore::upload).optional();
    }

    Optional<BatchUpload> findByKey(String system, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM batch_upload WHERE submitting_system = ? AND idempotency_key = ?")
                .params(system, key).query(BatchUploadStore::upload).optional();
    }

    /** Claims the oldest QUEUED upload of {@code node} for a worker (RUNNING); empty when none is waiting. */
    Optional<BatchUpload> claimNext(String node, Instant now) {
        List<String> waiting = jdbc.sql("SELECT id FROM batch_upload WHERE node = ? AND state = 'QUEUED'"
                        + " ORDER BY created_at FETCH FIRST 8 ROWS ONLY")
                .param(node).query(String.class).list();
        for (String id : waiting) {
            int claimed = jdbc.sql("UPDATE batch_upload SET state = 'RUNNING', attempts = attempts + 1, started_at = ?,"
                    + " updated_at = ? WHERE id = ? AND state = 'QUEUED'").params(at(now), at(now), id).update();
            if (claimed == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** Puts the uploads of {@code node} that a stop left RUNNING back in the queue; answers how many. */
    int requeueInterrupted(String node, Instant now) {
        return jdbc.sql("UPDATE batch_upload SET state = 'QUEUED', updated_at = ? WHERE node = ? AND state = 'RUNNING'")
                .params(at(now), node).update();
    }

    void progress(String id, long records, long accepted, long refused, Instant now) {
        jdbc.sql("UPDATE batch_upload SET records = ?, accepted = ?, refused = ?, updated_at = ? WHERE id = ?"
                        + " AND state = 'RUNNING'")
                .params(records, accepted, refused, at(now), id).update();
    }

    void finish(String id, BatchSummary summary, Instant now) {
        jdbc.sql("UPDATE batch_upload SET state = 'DONE', records = ?, accepted = ?, refused = ?, repeated = ?,"
                        + " outcome = ?, reports = ?, finished_at = ?, updated_at = ? WHERE id = ?")
                .params(summary.records(), summary.accepted(), summary.failed(), summary.repeated(), summary.outcome(),
                        String.join("\n", summary.reports()), at(now), at(now), id)
                .update();
    }

    void fail(String id, String failure, Instant now) {
        jdbc.sql("UPDATE batch_upload SET state = 'FAILED', failure = ?, finished_at = ?, updated_at = ? WHERE id = ?")
                .params(failure.length() > 500 ? failure.substring(0, 500) : failure, at(now), at(now), id).update();
    }

    private static BatchUpload upload(ResultSet rs, int row) throws SQLException {
        String reports = rs.getString("reports");
        return new BatchUpload(rs.getString("id"), rs.getString("submitting_system"), rs.getString("idempotency_key"),
                rs.getString("file_name"), rs.getString("format"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getString("state"), rs.getLong("records"), rs.getLong("accepted"), rs.getLong("refused"),
                rs.getLong("repeated"), rs.getString("outcome"),
                reports == null ? List.of() : Arrays.asList(reports.split("\n")), rs.getString("failure"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
