package cn.sedx.gateway.model;

/** 隐患等级: the level of a finding. */
public enum HazardLevel {
    /** 无隐患. */
    NONE,
    /** 一般事故隐患: dealt with at once by the officer. */
    GENERAL,
    /** 严重事故隐患: stops the equipment and goes to the director. */
    SERIOUS
}
