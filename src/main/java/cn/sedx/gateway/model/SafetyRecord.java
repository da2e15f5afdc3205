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
 * @param unitKind          单位类型 of the unit the record is for; null when absent (then the kind of the unit's
 *     only personnel filing on file)
 * @param regionCode        所在地行政区划代码 of the unit; null when absent (then the region of its personnel filing)
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
        String statusNote,
        UnitKind unitKind,
        String regionCode) {

    /** A record that names neither the unit kind nor the region (the form before those fields existed). */
    public SafetyRecord(RecordKind recordKind, String unitUscc, String equipmentCategory, String period,
            ResponsiblePerson responsiblePerson, List<Finding> findings, OperatingStatus operatingStatus,
            String statusNote) {
        this(recordKind, unitUscc, equipmentCategory, period, responsiblePerson, findings, operatingStatus,
                statusNote, null, null);
    }
}
