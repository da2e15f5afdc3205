package cn.sedx.gateway.model;

/** 运行状态: whether the equipment is in service, with the exemptions of the notice annex. */
public enum OperatingStatus {
    /** 在用. */
    IN_SERVICE,
    /** 停产: production suspended; the mechanism may pause. */
    PRODUCTION_SUSPENDED,
    /** 停用: formally stopped (办理停用手续); the mechanism may pause. */
    STOPPED_REGISTERED,
    /** 临时停用: temporarily stopped; content may be adjusted and must be noted truthfully. */
    TEMPORARILY_STOPPED
}
