package cn.sedx.gateway.messagestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The per-destination delivery state of messages and the log of every attempt. */
@Repository
public class DeliveryLog {

    private final JdbcClient jdbc;

    public DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an attempt and moves the message's delivery to that destination to {@code state}, creating the
     * delivery row on the first attempt.
     */
    @Transactional
    public void record(String messageId, DeliveryAttempt attempt, MessageState state) {
        jdbc.sql("INSERT INTO delivery_attempt (message_id, destination, attempt, started_at, duration_ms, outcome,"
                        + " http_status, error_code, detail) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(messageId, attempt.destination(), attempt.attempt(), Timestamp.from(attempt.startedAt()),
                        attempt.durationMs(), attempt.outcome(), attempt.httpStatus(), attempt.errorCode(),
                        truncate(attempt.detail()))
                .update();
        Timestamp now = Timestamp.from(attempt.startedAt().plusMillis(attempt.durationMs()));
        // the last error is kept until a later attempt fails otherwise: a success does not overwrite it with its detail
        String error = attempt.errorCode() == null ? null : truncate(attempt.detail());
        int updated = jdbc.sql("UPDATE delivery SET state = ?, attempts = attempts + 1, last_error_code = ?,"
                        + " last_error = ?, updated_at = ? WHERE message_id = ? AND destination = ?")
                .params(state.name(), attempt.errorCode(), error, now, messageId,
                        attempt.destination())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO delivery (message_id, destination, state, attempts, first_attempt_at,"
                            + " last_error_code, last_error, updated_at) VALUES (?,?,?,1,?,?,?,?)")
                    .params(messageId, attempt.destination(), state.name(), Timestamp.from(attempt.startedAt()),
                            attempt.errorCode(), error, now)
                    .update();
        }
    }

    /** Sets the state of one delivery without an attempt (queued, replayed, signed for …); creates the row if needed. */
    @Transactional
    public void mark(String messageId, String destination, MessageState state, Instant at) {
        int updated = jdbc.sql("UPDATE delivery SET state = ?, updated_at = ? WHERE message_id = ? AND destination = ?")
                .params(state.name(), Timestamp.from(at), messageId, destination)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO delivery (message_id, destination, state, attempts, updated_at) VALUES (?,?,?,0,?)")
                    .params(messageId, destination, state.name(), Timestamp.from(at))
                    .update();
        }
    }

    /** The state of each delivery of a message, by destination; empty before it is routed. */
    public Map<String, MessageState> states(String messageId) {
        return jdbc.sql("SELECT destination, state FROM delivery WHERE message_id = ?")
                .param(messageId)
                .query((rs, n) -> Map.entry(rs.getString(1), MessageState.valueOf(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Every destination of a message with its attempts; empty before the first delivery. */
    public List<Delivery> deliveries(String messageId) {
        Map<String, List<DeliveryAttempt>> attempts = jdbc.sql("SELECT destination, attempt, started_at, duration_ms,"
                        + " outcome, http_status, error_code, detail FROM delivery_attempt WHERE message_id = ?"
                        + " ORDER BY id")
                .param(messageId)
                .query(DeliveryLog::attempt)
                .list()
                .stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::destination));
        return jdbc.sql("SELECT destination, state, attempts, first_attempt_at, last_error_code, last_error, updated_at"
                        + " FROM delivery WHERE message_id = ? ORDER BY destination")
                .param(messageId)
                .query((rs, n) -> new Delivery(rs.getString(1), MessageState.valueOf(rs.getString(2)), rs.getInt(3),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
                        attempts.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    private static DeliveryAttempt attempt(ResultSet rs, int row) throws SQLException {
        Integer status = rs.getObject(6) == null ? null : rs.getInt(6);
        return new DeliveryAttempt(rs.getString(1), rs.getInt(2), instant(rs.getTimestamp(3)), rs.getLong(4),
                rs.getString(5), status, rs.getString(7), rs.getString(8));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
