package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 培训考核记录: the training and assessment of one director or officer ({@code schemas/training-record.schema.json}).
 *
 * @param unitUscc   the unit's 统一社会信用代码
 * @param unitKind   单位类型; null when absent (then the kind of the unit's only personnel filing on file)
 * @param regionCode 所在地行政区划代码; null when absent (then the region of the unit's personnel filing)
 * @param person     受训人员 (its {@link ResponsiblePerson#toString()} masks the number)
 * @param organiser  培训组织者
 * @param trainedOn  培训日期
 * @param hours      培训学时
 * @param content    培训内容
 * @param assessment 考核
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingRecord(
        String unitUscc,
        UnitKind unitKind,
        String regionCode,
        ResponsiblePerson person,
        Organiser organiser,
        LocalDate trainedOn,
        BigDecimal hours,
        String content,
        Assessment assessment) {

    /**
     * 培训组织者.
     *
     * @param kind the unit itself or an entrusted body
     * @param name the entrusted body's name; null for the unit itself
     * @param uscc the entrusted body's credit code; null for the unit itself
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organiser(Kind kind, String name, String uscc) {

        /** 组织方式. */
        public enum Kind {
            /** 单位自行组织. */
            UNIT,
            /** 委托机构组织. */
            ENTRUSTED_BODY
        }
    }

    /**
     * 考核.
     *
     * @param result        合格 or 不合格
     * @param score         考核分数; null when not given
     * @param assessedOn    考核日期
     * @param assessedBy    the unit, or a regulator's spot check (监督抽查考核)
     * @param regulatorName the regulator that spot-checked; null unless {@link Assessor#REGULATOR_SPOT_CHECK}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assessment(Result result, BigDecimal score, LocalDate assessedOn, Assessor assessedBy,
            String regulatorName) {

        /** 考核结果. */
        public enum Result {
            /** 合格. */
            PASSED,
            /** 不合格. */
            FAILED
        }

        /** 考核方. */
        public enum Assessor {
            /** 单位自行考核. */
            UNIT,
            /** 监管部门监督抽查考核. */
            REGULATOR_SPOT_CHECK
        }
    }
}
