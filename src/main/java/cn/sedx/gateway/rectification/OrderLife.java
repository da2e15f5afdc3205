package cn.sedx.gateway.rectification;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.intake.AcceptanceStep;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.model.Failing;
import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.model.RectificationOrder;
import cn.sedx.gateway.model.RectificationOrderChange;
import cn.sedx.gateway.security.SystemKind;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * An order's life as submitted: records an issued order, and applies a submitted change (RECTIFIED, PENALISED) under
 * the order's row lock, in the transaction that stores the message carrying it, so the order and its message commit
 * together. Who may change an order: the issuing system anything its status allows; the unit's system (a LOCAL system
 * whose jurisdiction holds the unit, checked by the intake) its rectification; nobody else. Every change is audited.
 */
@Component
class OrderLife implements AcceptanceStep {

    private final OrderStore orders;
    private final MessageStore store;
    private final SystemRegistry systems;
    private final AuditTrail audit;
    private final Clock clock;

    OrderLife(OrderStore orders, MessageStore store, SystemRegistry systems, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.systems = systems;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean handles(MessageType type) {
        return type == MessageType.RECTIFICATION_ORDER || type == MessageType.RECTIFICATION_ORDER_CHANGE;
    }

    @Override
    public void accepted(StoredMessage message, Object filing) {
        if (filing instanceof RectificationOrder order) {
            issue(message, order);
        } else if (filing instanceof RectificationOrderChange change) {
            change(message, change);
        }
    }

    private void issue(StoredMessage message, RectificationOrder order) {
        if (orders.findByNumber(order.orderNumber()).isPresent()) {
            throw taken(null);
        }
        Instant now = clock.instant();
        List<String> failings = order.failings().stream().map(Failing::code).map(Enum::name).distinct().toList();
        TrackedOrder tracked = new TrackedOrder(message.id(), order.orderNumber(), message.submittingSystem(),
                order.issuingAuthority().name(), message.unitUscc(), store.unitKind(message.id()).orElse(null),
                order.unitName(), message.regionCode(), failings, order.issuedOn(), order.deadline(),
                OrderStatus.ISSUED, null, null, null, now, now);
        try {
            orders.insert(tracked);
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
        orders.addChange(message.id(), OrderStatus.ISSUED, message.id(), message.submittingSystem(), now);
        audit.record(message.submittingSystem(), "ORDER_ISSUED", message.id(), "order " + order.orderNumber()
                + " to " + message.unitUscc() + " in " + message.regionCode() + ", deadline " + order.deadline()
                + ", failings " + failings);
    }

    private void change(StoredMessage message, RectificationOrderChange change) {
        TrackedOrder order = orders.lockByNumber(change.orderNumber()).orElseThrow(() -> refusal(
                ErrorCode.ORDER_NOT_FOUND, "/orderNumber", "未找到该指令书", "no such order"));
        OrderStatus next = change.status();
        if (!order.status().allows(next)) {
            throw refusal(ErrorCode.ORDER_STATE_CONFLICT, "/status", "指令书当前为 " + order.status() + "，不能变为 " + next,
                    "the order is " + order.status() + " and cannot become " + next);
        }
        mayChange(message.submittingSystem(), order, next);
        LocalDate rectifiedOn = change.rectification() == null ? null : change.rectification().rectifiedOn();
        String decision = change.penalty() == null ? null : change.penalty().decisionNumber();
        LocalDate decidedOn = change.penalty() == null ? null : change.penalty().decidedOn();
        Instant now = clock.instant();
        if (!orders.move(order.id(), order.status(), next, rectifiedOn, decision, decidedOn, now)) {
            // the row is locked: only a defect could change it under us
            throw new IllegalStateException("order " + order.id() + " changed while locked");
        }
        orders.addChange(order.id(), next, message.id(), message.submittingSystem(), now);
        audit.record(message.submittingSystem(), "ORDER_" + next.name(), message.id(), "order "
                + order.orderNumber() + " (" + order.id() + ") " + order.status() + " → " + next
                + (decision == null ? "" : ", decision " + decision));
    }

    /** The issuing system may make any allowed change; the unit's own (non-regulator) system only rectify. */
    private void mayChange(String system, TrackedOrder order, OrderStatus next) {
        boolean issuer = system.equals(order.issuingSystem());
        boolean unitSystem = systems.kindOf(system).filter(kind -> kind != SystemKind.REGULATOR).isPresent();
        if (!issuer && !(next == OrderStatus.RECTIFIED && unitSystem)) {
            throw SedxException.refused(ErrorCode.FORBIDDEN, "not the issuer of " + order.orderNumber(),
                    List.of(Violation.of(ErrorCode.FORBIDDEN, "/status",
                            next == OrderStatus.PENALISED ? "只有发出指令书的系统可以报送处罚" : "只有发出指令书的系统或单位的系统可以报送整改",
                            next == OrderStatus.PENALISED ? "only the issuing system files the penalty"
                                    : "only the issuing system or the unit's system files the rectification")));
        }
    }

    private static SedxException taken(Throwable cause) {
        return SedxException.refused(ErrorCode.ORDER_NUMBER_TAKEN, "order number taken",
                List.of(Violation.of(ErrorCode.ORDER_NUMBER_TAKEN, "/orderNumber"))).causedBy(cause);
    }

    private static SedxException refusal(ErrorCode code, String pointer, String zh, String en) {
        return SedxException.at(code, pointer, zh, en);
    }
}
