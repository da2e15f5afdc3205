package cn.sedx.gateway.console;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.MessageType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * What the messages page searches for; every field may be null (no filter).
 *
 * @param destination only messages with a delivery to this destination
 * @param from        received at or after
 * @param to          received before
 * @param stuckBefore only messages in a non-final state unchanged since before this instant
 */
public record MessageFilter(MessageType type, MessageState state, String unitUscc, String submittingSystem,
        String destination, Instant from, Instant to, Instant stuckBefore) {

    static final List<MessageState> UNFINISHED = List.of(MessageState.RECEIVED, MessageState.QUEUED,
            MessageState.SENT, MessageState.REPLAYED);

    public static MessageFilter none() {
        return new MessageFilter(null, null, null, null, null, null, null, null);
    }

    /** Appends the conditions on table alias {@code m} to {@code sql} and their values to {@code params}. */
    void appendTo(StringBuilder sql, List<Object> params) {
        equal(sql, params, "m.type", type == null ? null : type.name());
        equal(sql, params, "m.state", state == null ? null : state.name());
        equal(sql, params, "m.unit_uscc", unitUscc);
        equal(sql, params, "m.submitting_system", submittingSystem);
        if (from != null) {
            sql.append(" AND m.received_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND m.received_at < ?");
            params.add(Timestamp.from(to));
        }
        if (destination != null) {
            // probes the delivery primary key (message_id, destination) row by row
            sql.append(" AND EXISTS (SELECT 1 FROM delivery d WHERE d.message_id = m.id AND d.destination = ?)");
            params.add(destination);
        }
        if (stuckBefore != null) {
            sql.append(" AND m.state IN ('RECEIVED', 'QUEUED', 'SENT', 'REPLAYED') AND m.updated_at < ?");
            params.add(Timestamp.from(stuckBefore));
        }
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
