package cn.sedx.gateway.messagestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The per-destination delivery state of messages and the log of every attempt. */
@Repository
public class DeliveryLog {

    private static final String INSERT_ATTEMPT = "INSERT INTO delivery_attempt (message_id, destination, attempt,"
            + " started_at, duration_ms, outcome, http_status, error_code, detail) VALUES (?,?,?,?,?,?,?,?,?)";
    // a callback's SIGNED_FOR or RETURNED may be recorded before the attempt that led to it: ACKNOWLEDGED keeps it
    private static final String UPDATE_DELIVERY = "UPDATE delivery SET state = CASE WHEN state IN ('SIGNED_FOR',"
            + " 'RETURNED') AND ? = 'ACKNOWLEDGED' THEN state ELSE ? END, attempts = attempts + 1,"
            + " first_attempt_at = COALESCE(first_attempt_at, ?), last_error_code = ?, last_error = ?, updated_at = ?"
            + " WHERE message_id = ? AND destination = ?";
    private static final String INSERT_DELIVERY = "INSERT INTO delivery (message_id, destination, state, attempts,"
            + " first_attempt_at, last_error_code, last_error, updated_at) VALUES (?,?,?,1,?,?,?,?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public DeliveryLog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * One attempt to record with the delivery state it leads to.
     *
     * @param state the delivery's state after the attempt
     */
    public record Recorded(String messageId, DeliveryAttempt attempt, MessageState state) {}

    /**
     * Records many attempts and the delivery states they lead to, with one batched statement per table (creating
     * the delivery rows that do not exist yet): the group commit of a batch of deliveries.
     */
    @Transactional
    public void recordAll(List<Recorded> records) {
        if (records.isEmpty()) {
            return;
        }
        batch.batchUpdate(INSERT_ATTEMPT, records, records.size(), (ps, r) -> {
            DeliveryAttempt a = r.attempt();
            ps.setString(1, r.messageId());
            ps.setString(2, a.destination());
            ps.setInt(3, a.attempt());
            ps.setTimestamp(4, Timestamp.from(a.startedAt()));
            ps.setLong(5, a.durationMs());
            ps.setString(6, a.outcome());
            ps.setObject(7, a.httpStatus(), Types.INTEGER);
            ps.setString(8, a.errorCode());
            ps.setString(9, truncate(a.detail()));
        });
        int[][] updated = batch.batchUpdate(UPDATE_DELIVERY, records, records.size(), (ps, r) -> {
            DeliveryAttempt a = r.attempt();
            ps.setString(1, r.state().name());
            ps.setString(2, r.state().name());
            ps.setTimestamp(3, Timestamp.from(a.startedAt()));
            ps.setString(4, a.errorCode());
            ps.setString(5, lastError(a));
            ps.setTimestamp(6, finishedAt(a));
            ps.setString(7, r.messageId());
            ps.setString(8, a.destination());
        });
        List<Recorded> missing = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (updated[0][i] == 0) {
                missing.add(records.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        batch.batchUpdate(INSERT_DELIVERY, missing, missing.size(), (ps, r) -> {
            DeliveryAttempt a = r.attempt();
            ps.setString(1, r.messageId());
            ps.setString(2, a.destination());
            ps.setString(3, r.state().name());
            ps.setTimestamp(4, Timestamp.from(a.startedAt()));
            ps.setString(5, a.errorCode());
            ps.setString(6, lastError(a));
            ps.setTimestamp(7, finishedAt(a));
        });
    }

    /**
     * Creates one delivery in {@code state} for each destination of each message that has none yet (a message
     * being queued for the first time), with one batched insert.
     *
     * @param destinations the destinations of each message, by message id
     */
    @Transactional
    public void createAll(Map<String, List<String>> destinations, MessageState state, Instant at) {
        if (destinations.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(destinations.keySet());
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT message_id || ' ' || destination"
                        + " FROM delivery WHERE message_id IN (" + marks + ")")
                .params(ids)
                .query(String.class)
                .list());
        List<String[]> rows = new ArrayList<>();
        destinations.forEach((id, names) -> names.stream().filter(d -> !existing.contains(id + " " + d))
                .forEach(d -> rows.add(new String[] {id, d})));
        if (rows.isEmpty()) {
            return;
        }
        Timestamp when = Timestamp.from(at);
        batch.batchUpdate("INSERT INTO delivery (message_id, destination, state, attempts, updated_at)"
                + " VALUES (?,?,?,0,?)", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, row[0]);
                    ps.setString(2, row[1]);
                    ps.setString(3, state.name());
                    ps.setTimestamp(4, when);
                });
    }

    private static String lastError(DeliveryAttempt attempt) {
        // the last error is kept until a later attempt fails otherwise: a success does not overwrite it
        return attempt.errorCode() == null ? null : truncate(attempt.detail());
    }

    private static Timestamp finishedAt(DeliveryAttempt attempt) {
        return Timestamp.from(attempt.startedAt().plusMillis(attempt.durationMs()));
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
