package cn.sedx.gateway.console;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.MessageType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the messages page searches for; every field may be null (no filter).
 *
 * <p>The SQL is written so the database reads one index newest first and stops after a page: the most selective
 * of the filters that have an index {@code (column, received_at, id)} leads (unit, then system, then a rare state,
 * then type, then a common state); the ORDER BY names that column first (H2 uses an index for an ORDER BY only
 * then); the other equalities are written so no index serves them ({@code COALESCE(column, '') = ?}: another index
 * would win the plan and every match be sorted); and {@code received_at} always has a range, which makes
 * {@code (column, received_at, id)} the cheapest index of its column (the unique index
 * {@code (submitting_system, idempotency_key)} would win otherwise).
 *
 * @param destination only messages with a delivery to this destination
 * @param from        received at or after
 * @param to          received before
 * @param stuckBefore only messages in a non-final state unchanged since before this instant
 */
public record MessageFilter(MessageType type, MessageState state, String unitUscc, String submittingSystem,
        String destination, Instant from, Instant to, Instant stuckBefore) {

    private static final String UNSETTLED = MessageState.unsettled().stream().map(state -> "'" + state + "'")
            .collect(Collectors.joining(", "));
    private static final List<MessageState> COMMON_STATES = List.of(MessageState.ACKNOWLEDGED,
            MessageState.SIGNED_FOR);
    private static final Timestamp NO_END = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

    public static MessageFilter none() {
        return new MessageFilter(null, null, null, null, null, null, null, null);
    }

    MessageFilter withoutDestination() {
        return new MessageFilter(type, state, unitUscc, submittingSystem, null, from, to, stuckBefore);
    }

    /**
     * The column whose index leads the query, or null for {@code received_at} alone. The settled states hold almost
     * every message, so a type leads them: "year-end reports, acknowledged" reads the reports, not every
     * acknowledged message.
     */
    String lead() {
        boolean rareState = state != null && !COMMON_STATES.contains(state);
        return unitUscc != null ? "unit_uscc" : submittingSystem != null ? "submitting_system"
                : rareState ? "state" : type != null ? "type" : state != null ? "state" : null;
    }

    /** Newest first, in the order of the leading index. */
    String order() {
        String lead = lead();
        return (lead == null || lead.equals("unit_uscc") ? "" : "m." + lead + " DESC, ") + "m.received_at DESC, m.id DESC";
    }

    /** Appends the conditions on table alias {@code m} to {@code sql} and their values to {@code params}. */
    void appendTo(StringBuilder sql, List<Object> params) {
        appendTo(sql, params, true);
    }

    /**
     * As {@link #appendTo(StringBuilder, List)}; without {@code receivedRange} no range on {@code received_at} is added
     * unless {@code from} or {@code to} asks for one (for a query that reads another index, such as the dead letters'
     * {@code (state, updated_at)}).
     */
    void appendTo(StringBuilder sql, List<Object> params, boolean receivedRange) {
        equal(sql, params, "unit_uscc", unitUscc);
        equal(sql, params, "submitting_system", submittingSystem);
        equal(sql, params, "state", state == null ? null : state.name());
        equal(sql, params, "type", type == null ? null : type.name());
        if (from != null) {
            sql.append(" AND m.received_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null || receivedRange) {
            sql.append(" AND m.received_at < ?");
            params.add(to == null ? NO_END : Timestamp.from(to));
        }
        if (destination != null) {
            // probes the delivery primary key (message_id, destination) row by row
            sql.append(" AND EXISTS (SELECT 1 FROM delivery d WHERE d.message_id = m.id AND d.destination = ?)");
            params.add(destination);
        }
        if (stuckBefore != null) {
            sql.append(" AND m.state IN (" + UNSETTLED + ") AND m.updated_at < ?");
            params.add(Timestamp.from(stuckBefore));
        }
    }

    private void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(column.equals(lead()) ? " AND m." + column + " = ?" : " AND COALESCE(m." + column + ", '') = ?");
            params.add(value);
        }
    }
}
