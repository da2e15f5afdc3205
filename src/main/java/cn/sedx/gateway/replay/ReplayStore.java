package cn.sedx.gateway.replay;

import cn.sedx.gateway.messagestore.RowClaims;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays and the messages each still has to put back, in the database so a replay survives a restart. With
 * several nodes, each item is claimed by one node at a time ({@link #claim}).
 */
@Repository
class ReplayStore {

    /** One message of a replay still to be put back. */
    record Item(String replayId, int seq, String messageId, String destination, String actor, String reason) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RowClaims claims;

    ReplayStore(JdbcClient jdbc, TransactionTemplate transactions, RowClaims claims) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.claims = claims;
    }

    @Transactional
    void create(String id, String actor, String reason, String destination, int rate, Instant at, List<String> ids) {
        jdbc.sql("INSERT INTO replay (id, actor, reason, destination, rate_per_second, requested_at, total)"
                        + " VALUES (?,?,?,?,?,?,?)")
                .params(id, actor, reason, destination, rate, Timestamp.from(at), ids.size())
                .update();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("INSERT INTO replay_item (replay_id, seq, message_id) VALUES (?,?,?)")
                    .params(id, i, ids.get(i))
                    .update();
        }
    }

    /** An unfinished replay and its rate. */
    record Running(String id, int ratePerSecond) {}

    List<Running> running() {
        return jdbc.sql("SELECT id, rate_per_second FROM replay WHERE finished_at IS NULL ORDER BY requested_at")
                .query((rs, n) -> new Running(rs.getString(1), rs.getInt(2)))
                .list();
    }

    /**
     * Claims up to {@code limit} items of a replay that are neither done nor under a live claim (one whose lease ends
     * after {@code now}), oldest first, until {@code until}, and returns them; committed when this returns. The rows
     * are read {@code FOR UPDATE} ({@link RowClaims}): on PostgreSQL another claimer's locked rows are skipped, on H2
     * a second claimer waits for the first to commit; both then check the condition again on the committed row, so
     * the rows a claimer locked are its own and one UPDATE takes them all.
     */
    List<Item> claim(String replayId, int limit, Instant now, Instant until) {
        return transactions.execute(status -> {
            List<Integer> seqs = jdbc.sql("SELECT seq FROM replay_item WHERE replay_id = ? AND done_at IS NULL"
                            + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY seq FETCH FIRST ? ROWS ONLY"
                            + claims.clause())
                    .params(replayId, Timestamp.from(now), limit)
                    .query(Integer.class)
                    .list();
            if (seqs.isEmpty()) {
                return List.<Item>of();
            }
            jdbc.sql("UPDATE replay_item SET claimed_until = :until WHERE replay_id = :replay AND seq IN (:seqs)")
                    .param("until", Timestamp.from(until))
                    .param("replay", replayId)
                    .param("seqs", seqs)
                    .update();
            return jdbc.sql("SELECT i.replay_id, i.seq, i.message_id, r.destination, r.actor, r.reason"
                            + " FROM replay_item i JOIN replay r ON r.id = i.replay_id"
                            + " WHERE i.replay_id = :replay AND i.seq IN (:seqs) ORDER BY i.seq")
                    .param("replay", replayId)
                    .param("seqs", seqs)
                    .query((rs, n) -> new Item(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .list();
        });
    }

    void done(String replayId, int seq, String outcome, Instant at) {
        jdbc.sql("UPDATE replay_item SET done_at = ?, outcome = ? WHERE replay_id = ? AND seq = ?")
                .params(Timestamp.from(at), outcome, replayId, seq)
                .update();
    }

    void finishIfDone(String replayId, Instant at) {
        jdbc.sql("UPDATE replay SET finished_at = ? WHERE id = ? AND finished_at IS NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM replay_item WHERE replay_id = ? AND done_at IS NULL)")
                .params(Timestamp.from(at), replayId, replayId)
                .update();
    }

    Optional<ReplayProgress> progress(String id) {
        return jdbc.sql("SELECT r.id, r.actor, r.reason, r.destination, r.rate_per_second, r.requested_at,"
                        + " r.total, (SELECT COUNT(*) FROM replay_item i WHERE i.replay_id = r.id"
                        + " AND i.done_at IS NOT NULL), r.finished_at FROM replay r WHERE r.id = ?")
                .param(id)
                .query((rs, n) -> new ReplayProgress(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), instant(rs.getTimestamp(6)), rs.getInt(7), rs.getInt(8),
                        instant(rs.getTimestamp(9))))
                .optional();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
