package cn.sedx.gateway.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway-wide figures behind the gauges that are not per destination: the intake outbox, replays, the
 * national upload and the audit chain. Read together in one snapshot, cached for {@link MetricsSettings#cacheFor()}.
 */
final class GatewayFigures {

    /**
     * @param outboxPending      filings stored (RECEIVED) and not yet routed to their destinations
     * @param outboxOldest       when the oldest of them was accepted, or null
     * @param replaysRunning     operator replays not finished
     * @param replayItemsPending messages those replays have still to put back on their queues
     * @param uploadsRunning     national upload runs in state RUNNING
     * @param uploadProgress     filings done / filings to upload of the newest run, NaN when there is no run
     * @param lastUploadFailed   whether the newest run is FAILED (it is resumed by the next trigger)
     * @param lastUploadSuccess  when the last run succeeded, or null
     * @param auditSealed        entries sealed into the audit chain (its head's position)
     * @param auditUnsealed      entries recorded and not yet sealed
     * @param lastHeadSigned     when the chain's head was last signed, or null
     */
    record Snapshot(long outboxPending, Instant outboxOldest, long replaysRunning, long replayItemsPending,
            long uploadsRunning, double uploadProgress, boolean lastUploadFailed, Instant lastUploadSuccess,
            long auditSealed, long auditUnsealed, Instant lastHeadSigned) {}

    private final JdbcClient jdbc;
    private final Cached<Snapshot> snapshot;

    GatewayFigures(JdbcClient jdbc, MetricsSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new Cached<>(this::read, settings.cacheFor(), clock);
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    private Snapshot read() {
        Object[] outbox = jdbc.sql("SELECT COUNT(*), MIN(received_at) FROM message WHERE state = 'RECEIVED'")
                .query((rs, n) -> new Object[] {rs.getLong(1), instant(rs.getTimestamp(2))}).single();
        long replays = count("SELECT COUNT(*) FROM replay WHERE finished_at IS NULL");
        long replayItems = count("SELECT COUNT(*) FROM replay_item i JOIN replay r ON r.id = i.replay_id"
                + " WHERE r.finished_at IS NULL AND i.done_at IS NULL");
        long uploads = count("SELECT COUNT(*) FROM upload_run WHERE state = 'RUNNING'");
        Object[] newest = jdbc.sql("SELECT state, total_filings, filings_done FROM upload_run"
                        + " ORDER BY started_at DESC, id FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> new Object[] {rs.getString(1), progress(rs.getLong(2), rs.getLong(3))})
                .optional().orElse(new Object[] {null, Double.NaN});
        Instant lastSuccess = jdbc.sql("SELECT MAX(finished_at) FROM upload_run WHERE state = 'SUCCEEDED'")
                .query((rs, n) -> instant(rs.getTimestamp(1))).list().get(0);
        long sealed = count("SELECT seq FROM audit_chain_head WHERE id = 1");
        long unsealed = count("SELECT COUNT(*) FROM audit_entry WHERE seq IS NULL");
        Instant signed = jdbc.sql("SELECT MAX(signed_at) FROM audit_head_signature")
                .query((rs, n) -> instant(rs.getTimestamp(1))).list().get(0);
        return new Snapshot((Long) outbox[0], (Instant) outbox[1], replays, replayItems, uploads, (Double) newest[1],
                "FAILED".equals(newest[0]), lastSuccess, sealed, unsealed, signed);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double progress(long total, long done) {
        return total == 0 ? 1.0 : (double) done / total;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
