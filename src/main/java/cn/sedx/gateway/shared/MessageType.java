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
    PERSONNEL_BATCH
}
