package cn.sedx.gateway.rectification;

import cn.sedx.gateway.model.OrderStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders the gateway tracks and the changes of their lives ({@code rectification_order},
 * {@code rectification_order_change}, migration V50). Writes join the caller's transaction: an order and the message
 * that carries its change commit together.
 */
@Repository
class OrderStore {

    static final String COLUMNS = "id, order_number, issuing_system, authority_name, unit_uscc, unit_kind, unit_name,"
            + " region_code, failings, issued_on, deadline, status, rectified_on, penalty_decision_number,"
            + " penalty_decided_on, created_at, updated_at";

    private final JdbcClient jdbc;

    public OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a newly issued order; the unique order number refuses a second one (DuplicateKeyException). */
    void insert(TrackedOrder order) {
        jdbc.sql("INSERT INTO rectification_order (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(order.id(), order.orderNumber(), order.issuingSystem(), order.authorityName(),
                        order.unitUscc(), order.unitKind(), order.unitName(), order.regionCode(),
                        String.join(",", order.failings()), Date.valueOf(order.issuedOn()),
                        Date.valueOf(order.deadline()), order.status().name(), null, null, null,
                        Timestamp.from(order.createdAt()), Timestamp.from(order.updatedAt()))
                .update();
    }

    public Optional<TrackedOrder> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification_order WHERE id = ?").param(id)
                .query(OrderStore::map).optional();
    }

    public Optional<TrackedOrder> findByNumber(String orderNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification_order WHERE order_number = ?").param(orderNumber)
                .query(OrderStore::map).optional();
    }

    /** The order with this number, its row locked until the caller's transaction ends (racing changes queue). */
    Optional<TrackedOrder> lockByNumber(String orderNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification_order WHERE order_number = ? FOR UPDATE")
                .param(orderNumber).query(OrderStore::map).optional();
    }

    /**
     * Moves an order from {@code from} to {@code to}, with the dates and number of a rectification or a penalty.
     *
     * @return false when the order was not in {@code from} (nothing changed)
     */
    boolean move(String id, OrderStatus from, OrderStatus to, LocalDate rectifiedOn, String decisionNumber,
            LocalDate decidedOn, Instant at) {
        return jdbc.sql("UPDATE rectification_order SET status = ?, updated_at = ?,"
                        + " rectified_on = COALESCE(?, rectified_on),"
                        + " penalty_decision_number = COALESCE(?, penalty_decision_number),"
                        + " penalty_decided_on = COALESCE(?, penalty_decided_on) WHERE id = ? AND status = ?")
                .params(to.name(), Timestamp.from(at), rectifiedOn == null ? null : Date.valueOf(rectifiedOn),
                        decisionNumber, decidedOn == null ? null : Date.valueOf(decidedOn), id, from.name())
                .update() == 1;
    }

    void addChange(String orderId, OrderStatus status, String messageId, String actor, Instant at) {
        jdbc.sql("INSERT INTO rectification_order_change (order_id, status, message_id, actor, at) VALUES (?,?,?,?,?)")
                .params(orderId, status.name(), messageId, actor, Timestamp.from(at))
                .update();
    }

    /** The changes of an order's life, oldest first (the first is its issue). */
    public List<TrackedOrder.Change> changes(String orderId) {
        return jdbc.sql("SELECT status, message_id, actor, at FROM rectification_order_change WHERE order_id = ?"
                        + " ORDER BY id")
                .param(orderId)
                .query((rs, n) -> new TrackedOrder.Change(OrderStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Ids of orders still ISSUED whose deadline lies before {@code today}, earliest deadline first. */
    List<String> overdueOn(LocalDate today, int limit) {
        return jdbc.sql("SELECT id FROM rectification_order WHERE status = ? AND deadline < ?"
                        + " ORDER BY deadline, id FETCH FIRST ? ROWS ONLY")
                .params(OrderStatus.ISSUED.name(), Date.valueOf(today), limit)
                .query(String.class)
                .list();
    }

    static TrackedOrder map(ResultSet rs, int row) throws SQLException {
        return new TrackedOrder(rs.getString("id"), rs.getString("order_number"), rs.getString("issuing_system"),
                rs.getString("authority_name"), rs.getString("unit_uscc"), rs.getString("unit_kind"),
                rs.getString("unit_name"), rs.getString("region_code"),
                Arrays.asList(rs.getString("failings").split(",")), date(rs, "issued_on"), date(rs, "deadline"),
                OrderStatus.valueOf(rs.getString("status")), date(rs, "rectified_on"),
                rs.getString("penalty_decision_number"), date(rs, "penalty_decided_on"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
