package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.model.UnitKind;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rectification orders the gateway tracks, as the validation of their changes needs them: which unit an order
 * is about (for the jurisdiction check and the delivery of the change) and when it was issued. Implemented by the
 * rectification feature over its store; must be thread-safe.
 */
public interface OrdersOnFile {

    /** No order is on file (validation without a store, e.g. in plain tests). */
    OrdersOnFile NONE = orderNumber -> Optional.empty();

    /** The order with this number, or empty when none has it. */
    Optional<OrderOnFile> find(String orderNumber);

    /**
     * One order on file.
     *
     * @param orderNumber   指令书编号
     * @param unitUscc      the unit's credit code
     * @param unitKind      the unit's kind; null when unknown
     * @param regionCode    where the unit is, as resolved when the order was accepted
     * @param issuedOn      下达日期
     * @param deadline      整改期限
     * @param status        where the order stands now
     * @param issuingSystem the system that submitted the order
     */
    record OrderOnFile(String orderNumber, String unitUscc, UnitKind unitKind, String regionCode, LocalDate issuedOn,
            LocalDate deadline, OrderStatus status, String issuingSystem) {}
}
