package cn.sedx.gateway.model;

/** 单位类型: the kind of unit, which decides the role names it uses. */
public enum UnitKind {
    /** 生产单位 (Order 73): uses the QUALITY_SAFETY_* roles. */
    PRODUCTION,
    /** 使用单位 (Order 74): uses the SAFETY_* roles. */
    USE,
    /** 充装单位: uses the SAFETY_* roles. */
    FILLING
}
