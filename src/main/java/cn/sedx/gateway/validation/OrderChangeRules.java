package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.model.RectificationOrderChange;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.validation.OrdersOnFile.OrderOnFile;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of a change submitted for a rectification order: the order exists, OVERDUE is the gateway's own, the
 * change carries the details of its status only, its dates are real and not before the order. Whether the order's
 * current status allows the change, and whether the submitter may make it, is decided where the change is applied,
 * under the order's lock (docs/validation.md).
 */
final class OrderChangeRules {

    private final OrdersOnFile orders;
    private final IdentifierChecks identifiers;
    private final AttachmentRules attachments;

    OrderChangeRules(OrdersOnFile orders, IdentifierChecks identifiers, AttachmentRules attachments) {
        this.orders = orders;
        this.identifiers = identifiers;
        this.attachments = attachments;
    }

    /** @return the order the change is about; empty when there is none (an error then says so) */
    Optional<OrderOnFile> check(RectificationOrderChange change, Violations violations) {
        if (change.status() == OrderStatus.OVERDUE) {
            violations.error(ErrorCode.ORDER_STATUS_SET_BY_GATEWAY, "/status", "请提交 RECTIFIED 或 PENALISED",
                    "submit RECTIFIED or PENALISED");
        }
        details(change, violations);
        Optional<OrderOnFile> order = orders.find(change.orderNumber());
        if (order.isEmpty()) {
            violations.error(ErrorCode.ORDER_NOT_FOUND, "/orderNumber", "未找到该指令书", "no such order");
            return order;
        }
        LocalDate issued = order.get().issuedOn();
        if (change.rectification() != null) {
            date(change.rectification().rectifiedOn(), issued, "/rectification/rectifiedOn", violations);
            attachments.check(change.rectification().attachments(), "/rectification/attachments", violations);
        }
        if (change.penalty() != null) {
            date(change.penalty().decidedOn(), issued, "/penalty/decidedOn", violations);
        }
        return order;
    }

    private static void details(RectificationOrderChange change, Violations violations) {
        expect(change.status() == OrderStatus.RECTIFIED, change.rectification() != null, "/rectification",
                violations);
        expect(change.status() == OrderStatus.PENALISED, change.penalty() != null, "/penalty", violations);
        expect(false, change.overdue() != null, "/overdue", violations);
    }

    private static void expect(boolean wanted, boolean present, String pointer, Violations violations) {
        if (wanted != present) {
            String field = pointer.substring(1);
            violations.error(ErrorCode.ORDER_CHANGE_DETAILS_MISMATCH, pointer,
                    wanted ? "须填写 " + field : "此状态不应填写 " + field,
                    wanted ? field + " is required with this status" : field + " does not belong to this status");
        }
    }

    private void date(LocalDate date, LocalDate issued, String pointer, Violations violations) {
        identifiers.notFuture(date, pointer, "日期", "date", violations);
        if (date.isBefore(issued)) {
            violations.error(ErrorCode.DATE_BEFORE_ORDER_ISSUED, pointer, date + " 早于下达日期 " + issued,
                    date + " is before the order was issued on " + issued);
        }
    }
}
