package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * 日管控、周排查、月调度 record or risk-control list ({@code schemas/safety-record.schema.json}).
 *
 * @param recordKind        记录类型
 * @param unitUscc          the unit's 统一社会信用代码
 * @param equipmentCategory 设备类别 code
 * @param period            {@code 2026-11-27}, {@code 2026-W48} or {@code 2026-11}, by kind
 * @param responsiblePerson 责任人
 * @param findings          发现的问题; null or empty for a zero-risk report
 * @param operatingStatus   运行状态
 * @param statusNote        状态说明; null when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetyRecord(
        RecordKind recordKind,
        String unitUscc,
        String equipmentCategory,
        String period,
        ResponsiblePerson responsiblePerson,
        List<Finding> findings,
        OperatingStatus operatingStatus,
        String statusNote) {}
