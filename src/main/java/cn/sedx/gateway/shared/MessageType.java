package cn.sedx.gateway.shared;

/** The kinds of message the gateway carries. */
public enum MessageType {
    /** 人员信息填报: a unit and its principal, directors and officers. */
    PERSONNEL_FILING,
    /** 日管控、周排查、月调度 records and the risk-control list. */
    SAFETY_RECORD,
    /** 年度工作总结: a province's year-end work report, an official document (公文). */
    YEAR_END_REPORT,
    /**
     * One chunk of the scheduled national upload of personnel (人员信息批量上报), built by the gateway itself: its
     * payload is the signed exchange package, sent as stored. Never submitted from outside.
     */
    PERSONNEL_BATCH,
    /** 培训考核记录: the training and assessment of a unit's director or officer (issue 16). */
    TRAINING_RECORD,
    /** 安全监察指令书: a regulator's order to rectify within a deadline, tracked by the gateway (issue 16). */
    RECTIFICATION_ORDER,
    /**
     * 指令书状态变更: one change of a rectification order (RECTIFIED, PENALISED; OVERDUE made by the gateway itself),
     * delivered like the order (issue 16).
     */
    RECTIFICATION_ORDER_CHANGE,
    /** 检验、鉴定评审机构报告: an agency's report of a non-compliant unit, for the unit's local regulator (issue 16). */
    AGENCY_REPORT
}
