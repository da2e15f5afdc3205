package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 发现的问题: one failing a rectification order or an agency report names.
 *
 * @param code              what is lacking
 * @param equipmentCategory the category without an officer (with {@link Code#NO_OFFICER_FOR_CATEGORY}); else null
 * @param description       what was found (required with {@link Code#OTHER}); else optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Failing(Code code, String equipmentCategory, String description) {

    /** 问题代码: what Orders No. 73/74 require and the unit lacks. */
    public enum Code {
        /** 未配备安全总监 (质量安全总监). */
        NO_DIRECTOR,
        /** 该设备类别未配备安全员 (质量安全员). */
        NO_OFFICER_FOR_CATEGORY,
        /** 未建立日管控 (每日安全检查). */
        NO_DAILY_CHECK,
        /** 未建立周排查 (每周安全排查治理). */
        NO_WEEKLY_INVESTIGATION,
        /** 未建立月调度 (每月安全调度). */
        NO_MONTHLY_DISPATCH,
        /** 其他, described. */
        OTHER
    }
}
