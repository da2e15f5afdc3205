package cn.sedx.gateway.model;

/** 记录类型: the documents of the 日管控、周排查、月调度 mechanism. */
public enum RecordKind {
    /** 每日安全检查记录, by an officer. */
    DAILY_CHECK,
    /** 每周安全排查治理报告, organised by the director. */
    WEEKLY_INVESTIGATION,
    /** 每月安全调度会议纪要, held by the principal. */
    MONTHLY_DISPATCH,
    /** 安全风险管控清单, the standing list behind the three others. */
    RISK_CONTROL_LIST
}
