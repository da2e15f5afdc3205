package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * 检验、鉴定评审机构报告: an agency's report of a unit not meeting Orders No. 73/74
 * ({@code schemas/agency-report.schema.json}).
 *
 * @param agency      the reporting agency
 * @param unitUscc    the unit's 统一社会信用代码
 * @param unitKind    单位类型; null when absent
 * @param regionCode  所在地行政区划代码 of the unit; null when absent
 * @param unitName    单位名称; null when absent
 * @param source      the inspection or assessment the finding came from
 * @param failings    发现的问题, at least one
 * @param description 情况说明; null when absent
 * @param attachments 附件; null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgencyReport(
        Agency agency,
        String unitUscc,
        UnitKind unitKind,
        String regionCode,
        String unitName,
        Source source,
        List<Failing> failings,
        String description,
        List<Attachment> attachments) {

    /**
     * 报告机构.
     *
     * @param name           机构名称
     * @param uscc           统一社会信用代码
     * @param approvalNumber 核准证号, the one registered for the submitting system
     */
    public record Agency(String name, String uscc, String approvalNumber) {}

    /**
     * 来源.
     *
     * @param kind         检验 or 鉴定评审
     * @param reportNumber the inspection or assessment report's number
     * @param date         when it took place
     */
    public record Source(Kind kind, String reportNumber, LocalDate date) {

        /** 来源类型. */
        public enum Kind {
            /** 检验. */
            INSPECTION,
            /** 鉴定评审. */
            ASSESSMENT
        }
    }
}
