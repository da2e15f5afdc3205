package cn.sedx.gateway.console;

import static cn.sedx.gateway.console.ConsoleReads.instant;

import cn.sedx.gateway.messagestore.MessageState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's read queries on what operators did and what the gateway recorded: replays, upload runs and their
 * chunks, the audit trail and its signed heads. Read-only; the features' own services make every change.
 */
@Component
@ConsoleEnabled
public class RecordReads {

    private static final String RUN = "r.id, r.state, r.trigger_kind, r.actor, r.reason, r.total_filings,"
            + " r.filings_done, r.records, r.attempts, r.started_at, r.finished_at, r.error,"
            + " (SELECT COUNT(*) FROM upload_chunk c WHERE c.run_id = r.id),"
            + " (SELECT COUNT(*) FROM upload_chunk c JOIN message m ON m.id = c.message_id WHERE c.run_id = r.id"
            + " AND m.state = 'ACKNOWLEDGED'),"
            + " (SELECT COUNT(*) FROM upload_chunk c JOIN message m ON m.id = c.message_id WHERE c.run_id = r.id"
            + " AND m.state = 'FAILED')";

    private final JdbcClient jdbc;

    public RecordReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay and how far it got. */
    public record Replay(String id, String actor, String reason, String destination, int ratePerSecond,
            Instant requestedAt, int total, int done, Instant finishedAt) {}

    /** One message of a replay, with the state its message is in now. */
    public record ReplayItem(int seq, String messageId, Instant doneAt, String outcome, MessageState state) {}

    /** A replay that included one message, with what it did to it. */
    public record ReplayOf(String replayId, String actor, String reason, Instant requestedAt, Instant doneAt,
            String outcome) {}

    /** An upload run as the console shows it. */
    public record UploadRun(String id, String state, String trigger, String actor, String reason, long totalFilings,
            long filingsDone, long records, int attempts, Instant startedAt, Instant finishedAt, String error,
            int chunks, int chunksAcknowledged, int chunksFailed) {

        public int progress() {
            return totalFilings == 0 ? 100 : (int) (filingsDone * 100 / totalFilings);
        }
    }

    /** One chunk of a run: a PERSONNEL_BATCH message. */
    public record Chunk(int seq, String messageId, int filings, int records, long bytes, int attempts, MessageState state) {}

    /** A filing a run left out because it cannot be written as batch XML, and why (masked when it was stored). */
    public record Skipped(String messageId, Instant receivedAt, String code, String reason) {}

    /** One audit entry; {@code seq} is null until it is sealed. */
    public record AuditEntry(long id, Long seq, Instant recordedAt, String actor, String action, String messageId,
            String detail) {}

    /** A signed chain head. */
    public record SignedHead(long seq, String digest, Instant signedAt, String algorithm) {}

    public List<Replay> recentReplays(int limit) {
        return jdbc.sql("SELECT r.id, r.actor, r.reason, r.destination, r.rate_per_second, r.requested_at, r.total,"
                        + " (SELECT COUNT(*) FROM replay_item i WHERE i.replay_id = r.id AND i.done_at IS NOT NULL),"
                        + " r.finished_at FROM replay r ORDER BY r.requested_at DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new Replay(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), instant(rs, 6), rs.getInt(7), rs.getInt(8), instant(rs, 9)))
                .list();
    }

    public List<ReplayItem> replayItems(String replayId, int limit) {
        return jdbc.sql("SELECT i.seq, i.message_id, i.done_at, i.outcome, m.state FROM replay_item i"
                        + " JOIN message m ON m.id = i.message_id WHERE i.replay_id = ? ORDER BY i.seq"
                        + " FETCH FIRST ? ROWS ONLY")
                .params(replayId, limit)
                .query((rs, n) -> new ReplayItem(rs.getInt(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                        MessageState.valueOf(rs.getString(5))))
                .list();
    }

    /** How many messages of a replay are in each state now. */
    public Map<MessageState, Long> replayStates(String replayId) {
        Map<MessageState, Long> states = new TreeMap<>();
        jdbc.sql("SELECT m.state, COUNT(*) FROM replay_item i JOIN message m ON m.id = i.message_id"
                        + " WHERE i.replay_id = ? GROUP BY m.state")
                .param(replayId)
                .query((rs, n) -> states.put(MessageState.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return states;
    }

    public List<ReplayOf> replaysOf(String messageId) {
        return jdbc.sql("SELECT r.id, r.actor, r.reason, r.requested_at, i.done_at, i.outcome FROM replay_item i"
                        + " JOIN replay r ON r.id = i.replay_id WHERE i.message_id = ? ORDER BY r.requested_at")
                .param(messageId)
                .query((rs, n) -> new ReplayOf(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        instant(rs, 5), rs.getString(6)))
                .list();
    }

    public List<UploadRun> uploadRuns(int limit) {
        return jdbc.sql("SELECT " + RUN + " FROM upload_run r ORDER BY r.started_at DESC FETCH FIRST ? ROWS ONLY")
                .param(limit).query(RecordReads::run).list();
    }

    public Optional<UploadRun> uploadRun(String id) {
        return jdbc.sql("SELECT " + RUN + " FROM upload_run r WHERE r.id = ?").param(id).query(RecordReads::run)
                .optional();
    }

    /** The filings the run left out, oldest first, at most {@code limit}. */
    public List<Skipped> skipped(String runId, int limit) {
        return jdbc.sql("SELECT message_id, received_at, code, reason FROM upload_skipped WHERE run_id = ?"
                        + " ORDER BY received_at, message_id FETCH FIRST ? ROWS ONLY")
                .params(runId, limit)
                .query((rs, n) -> new Skipped(rs.getString(1), instant(rs, 2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    public List<Chunk> chunks(String runId) {
        return jdbc.sql("SELECT c.seq, c.message_id, c.filings, c.records, c.bytes, c.attempts, m.state"
                        + " FROM upload_chunk c JOIN message m ON m.id = c.message_id WHERE c.run_id = ? ORDER BY c.seq")
                .param(runId)
                .query((rs, n) -> new Chunk(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
                        rs.getInt(6), MessageState.valueOf(rs.getString(7))))
                .list();
    }

    /**
     * Audit entries, newest first, before entry id {@code beforeId} (null for the newest).
     *
     * @param actor  exact actor, or null
     * @param action an action, or the start of several ending in {@code _} ({@code STATE_}), or null
     */
    public List<AuditEntry> auditEntries(String actor, String action, String messageId, Instant from, Instant to,
            Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, seq, recorded_at, actor, action, message_id, detail"
                + " FROM audit_entry WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " AND actor = ?", actor);
        // an action ending in "_" is the start of several (STATE_), any other is matched exactly (on its index); a
        // start is compared with LEFT(), not LIKE, so the entries are read newest first and the read stops at a page
        // (a LIKE range on the action index would sort every STATE_ entry)
        boolean prefix = action != null && action.endsWith("_");
        if (prefix) {
            sql.append(" AND LEFT(action, ?) = ?");
            params.add(action.length());
        }
        condition(sql, params, prefix ? "" : " AND action = ?", action);
        condition(sql, params, " AND message_id = ?", messageId);
        condition(sql, params, " AND recorded_at >= ?", from == null ? null : Timestamp.from(from));
        condition(sql, params, " AND recorded_at < ?", to == null ? null : Timestamp.from(to));
        condition(sql, params, " AND id < ?", beforeId);
        sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEntry(rs.getLong(1),
                (Long) rs.getObject(2, Long.class), instant(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7))).list();
    }

    public Optional<AuditEntry> auditEntryAt(long seq) {
        return jdbc.sql("SELECT id, seq, recorded_at, actor, action, message_id, detail FROM audit_entry WHERE seq = ?")
                .param(seq)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getLong(2), instant(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    /** The last sealed position of the chain. */
    public long chainHead() {
        return jdbc.sql("SELECT seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }

    public long unsealed() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE seq IS NULL").query(Long.class).single();
    }

    public List<SignedHead> signedHeads(int limit) {
        return jdbc.sql("SELECT seq, digest, signed_at, algorithm FROM audit_head_signature ORDER BY id DESC"
                        + " FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new SignedHead(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4)))
                .list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static UploadRun run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UploadRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), instant(rs, 10), instant(rs, 11),
                rs.getString(12), rs.getInt(13), rs.getInt(14), rs.getInt(15));
    }
}
