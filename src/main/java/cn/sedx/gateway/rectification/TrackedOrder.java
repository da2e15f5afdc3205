package cn.sedx.gateway.rectification;

import cn.sedx.gateway.model.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rectification order as the gateway tracks it.
 *
 * @param id                    the order's id: the message id of the order as issued
 * @param orderNumber           指令书编号
 * @param issuingSystem         the system that submitted it
 * @param authorityName         the issuing authority's name
 * @param unitUscc              the unit's credit code
 * @param unitKind              the unit's kind; null when unknown
 * @param unitName              the unit's name as the order writes it; null when absent
 * @param regionCode            where the unit is, as resolved when the order was accepted
 * @param failings              the failing codes the order names
 * @param issuedOn              下达日期
 * @param deadline              整改期限, inclusive
 * @param status                where it stands
 * @param rectifiedOn           整改完成日期 once RECTIFIED, else null
 * @param penaltyDecisionNumber 行政处罚决定书文号 once PENALISED, else null
 * @param penaltyDecidedOn      处罚决定日期 once PENALISED, else null
 * @param createdAt             when the gateway accepted it
 * @param updatedAt             when its status last changed
 */
record TrackedOrder(
        String id,
        String orderNumber,
        String issuingSystem,
        String authorityName,
        String unitUscc,
        String unitKind,
        String unitName,
        String regionCode,
        List<String> failings,
        LocalDate issuedOn,
        LocalDate deadline,
        OrderStatus status,
        LocalDate rectifiedOn,
        String penaltyDecisionNumber,
        LocalDate penaltyDecidedOn,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * One change of the order's life.
     *
     * @param status    the status it moved to (ISSUED for the order itself)
     * @param messageId the message that carried the change to the provincial platform
     * @param actor     the system that made it, or {@code gateway} for OVERDUE
     * @param at        when
     */
    public record Change(OrderStatus status, String messageId, String actor, Instant at) {}
}
