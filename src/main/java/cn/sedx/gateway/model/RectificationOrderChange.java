package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * 指令书状态变更: one change in a rectification order's life ({@code schemas/rectification-order-change.schema.json}).
 * Exactly the part of its status is present: {@code rectification} with RECTIFIED, {@code penalty} with PENALISED,
 * {@code overdue} with OVERDUE (written by the gateway only).
 *
 * @param orderNumber   the order's 指令书编号
 * @param status        the status the order moves to
 * @param rectification 整改情况; null unless RECTIFIED
 * @param penalty       行政处罚; null unless PENALISED
 * @param overdue       逾期; null unless OVERDUE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationOrderChange(
        String orderNumber,
        OrderStatus status,
        Rectification rectification,
        Penalty penalty,
        Overdue overdue) {

    /**
     * 整改情况.
     *
     * @param rectifiedOn 整改完成日期
     * @param description 整改说明
     * @param attachments 整改证明材料; null when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rectification(LocalDate rectifiedOn, String description, List<Attachment> attachments) {}

    /**
     * 行政处罚.
     *
     * @param decisionNumber 行政处罚决定书文号
     * @param decidedOn      处罚决定日期
     * @param description    处罚内容; null when absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Penalty(String decisionNumber, LocalDate decidedOn, String description) {}

    /**
     * 逾期, as the gateway found it.
     *
     * @param deadline   the order's deadline
     * @param detectedOn the day the check found it overdue
     */
    public record Overdue(LocalDate deadline, LocalDate detectedOn) {}
}
