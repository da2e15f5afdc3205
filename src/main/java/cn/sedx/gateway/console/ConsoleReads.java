package cn.sedx.gateway.console;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.MessageType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's read queries on messages and deliveries, each on an index (docs/console.md lists them; the
 * per-destination figures are those the metrics of issue 14 count too, so both can share one service later).
 * Writes never go through here.
 */
@Component
@ConsoleEnabled
public class ConsoleReads {

    private static final String ROW = "m.id, m.type, m.state, m.submitting_system, m.channel, m.unit_uscc,"
            + " m.received_at, m.updated_at";

    private final JdbcClient jdbc;

    public ConsoleReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One message in a listing. */
    public record Row(String id, MessageType type, MessageState state, String submittingSystem, String channel,
            String unitUscc, Instant receivedAt, Instant updatedAt) {}

    /** A page of a listing, newest first; {@code next} is the position after its last row, or null at the end. */
    public record Page(List<Row> rows, Cursor next) {}

    /** A position in the newest-first order {@code (received_at, id)}. */
    public record Cursor(Instant receivedAt, String id) {

        public static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int split = text.indexOf('_');
            try {
                return split < 0 ? null : new Cursor(Instant.parse(text.substring(0, split)), text.substring(split + 1));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return receivedAt + "_" + id;
        }
    }

    /** Messages received since {@code since}, counted by type and channel. */
    public record Received(MessageType type, String channel, long count) {}

    /** Deliveries of one destination still waiting, and when the oldest of their messages was received. */
    public record Waiting(long count, Instant oldestReceivedAt) {}

    /** Attempts of one destination since some instant: acknowledged, and failed (retried, expired, dead-lettered). */
    public record Attempts(long delivered, long failed) {}

    public Page search(MessageFilter filter, Cursor after, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + ROW + " FROM message m WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter.appendTo(sql, params);
        if (after != null) {
            // written so the index range is a plain condition on received_at (an OR alone defeats it)
            sql.append(" AND m.received_at <= ? AND (m.received_at < ? OR m.id < ?)");
            params.add(Timestamp.from(after.receivedAt()));
            params.add(Timestamp.from(after.receivedAt()));
            params.add(after.id());
        }
        sql.append(" ORDER BY ").append(filter.order()).append(" FETCH FIRST ? ROWS ONLY");
        params.add(size + 1);
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(ConsoleReads::row).list());
        Cursor next = null;
        if (rows.size() > size) {
            rows.remove(size);
            Row last = rows.get(size - 1);
            next = new Cursor(last.receivedAt(), last.id());
        }
        return new Page(rows, next);
    }

    /** How many messages match, counted up to {@code cap + 1}: a result above {@code cap} means "more than". */
    public long count(MessageFilter filter, int cap) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql;
        if (filter.destination() != null && filter.withoutDestination().equals(MessageFilter.none())) {
            // the destination's deliveries alone (its index); each has its message (foreign key)
            sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM delivery d WHERE d.destination = ?");
            params.add(filter.destination());
        } else if (filter.destination() != null) {
            sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM delivery d JOIN message m"
                    + " ON m.id = d.message_id WHERE d.destination = ?");
            params.add(filter.destination());
            filter.withoutDestination().appendTo(sql, params);
        } else {
            sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM message m WHERE 1 = 1");
            filter.appendTo(sql, params);
        }
        sql.append(" FETCH FIRST ? ROWS ONLY) t");
        params.add(cap + 1);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    public List<Received> receivedSince(Instant since) {
        return jdbc.sql("SELECT type, channel, COUNT(*) FROM message WHERE received_at >= ? GROUP BY type, channel"
                        + " ORDER BY type, channel")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Received(MessageType.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public long inState(MessageState state) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE state = ?").param(state.name()).query(Long.class).single();
    }

    /** Messages in a non-final state whose state has not changed since before {@code cutoff}. */
    public long stuck(Instant cutoff) {
        long stuck = 0;
        for (MessageState state : MessageState.unsettled()) {
            // one index range (state, updated_at) per state
            stuck += jdbc.sql("SELECT COUNT(*) FROM message WHERE state = ? AND updated_at < ?")
                    .params(state.name(), Timestamp.from(cutoff)).query(Long.class).single();
        }
        return stuck;
    }

    public Map<String, Waiting> waitingByDestination() {
        Map<String, Waiting> waiting = new TreeMap<>();
        jdbc.sql("SELECT d.destination, COUNT(*), MIN(m.received_at) FROM delivery d JOIN message m"
                        + " ON m.id = d.message_id WHERE d.state IN ('QUEUED', 'SENT', 'REPLAYED')"
                        + " GROUP BY d.destination")
                .query((rs, n) -> waiting.put(rs.getString(1), new Waiting(rs.getLong(2), instant(rs, 3))))
                .list();
        return waiting;
    }

    public Map<String, Long> deadLettersByDestination() {
        Map<String, Long> failed = new TreeMap<>();
        jdbc.sql("SELECT destination, COUNT(*) FROM delivery WHERE state = 'FAILED' GROUP BY destination")
                .query((rs, n) -> failed.put(rs.getString(1), rs.getLong(2)))
                .list();
        return failed;
    }

    public Map<String, Attempts> attemptsSince(Instant since) {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.sql("SELECT destination, outcome, COUNT(*) FROM delivery_attempt WHERE started_at >= ?"
                        + " GROUP BY destination, outcome")
                .param(Timestamp.from(since))
                .query((rs, n) -> {
                    long[] pair = counts.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    pair["ACKNOWLEDGED".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
                    return pair;
                })
                .list();
        Map<String, Attempts> attempts = new TreeMap<>();
        counts.forEach((destination, pair) -> attempts.put(destination, new Attempts(pair[0], pair[1])));
        return attempts;
    }

    /** Dead-lettered messages matching {@code filter} (its state ignored), the most recently failed first. */
    public List<Row> deadLetters(MessageFilter filter, int limit) {
        MessageFilter failed = new MessageFilter(filter.type(), MessageState.FAILED, filter.unitUscc(),
                filter.submittingSystem(), filter.destination(), filter.from(), filter.to(), null);
        StringBuilder sql = new StringBuilder("SELECT " + ROW + " FROM message m WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        // read (state, updated_at) newest first: no received_at range to draw the plan to another index
        failed.appendTo(sql, params, false);
        sql.append(" ORDER BY m.state DESC, m.updated_at DESC FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ConsoleReads::row).list();
    }

    /** The year-end reports that correct {@code messageId} (name it as the version they replace). */
    public List<String> correctedBy(String messageId) {
        return jdbc.sql("SELECT id FROM message WHERE type = 'YEAR_END_REPORT' AND previous_message_id = ?"
                        + " ORDER BY received_at")
                .param(messageId).query(String.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), MessageType.valueOf(rs.getString(2)), MessageState.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
