package cn.sedx.gateway.model;

/** 填报类型: the kind of personnel filing. */
public enum FilingKind {
    /** 首次填报. */
    INITIAL,
    /** 变更填报. */
    CHANGE,
    /** 补充填报. */
    SUPPLEMENT
}
