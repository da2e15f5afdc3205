package cn.sedx.gateway.model;

/** 运行状态: whether the equipment is in service, with the exemptions of the notice annex. */
public enum OperatingStatus {
    /** 在用. */
    IN_SERVICE,
    /** 停产: production suspended; the mechanism may pause. Production units only. */
    PRODUCTION_SUSPENDED,
    /** 停用: formally stopped (办理停用手续); the mechanism may pause. Use and filling units only. */
    STOPPED_REGISTERED,
    /** 临时停用: temporarily stopped; content may be adjusted and must be noted truthfully. Use and filling units. */
    TEMPORARILY_STOPPED;

    /** Whether a unit of this kind may report this status (停产 concerns production, 停用 the equipment in use). */
    public boolean fits(UnitKind kind) {
        return switch (this) {
            case IN_SERVICE -> true;
            case PRODUCTION_SUSPENDED -> kind == UnitKind.PRODUCTION;
            case STOPPED_REGISTERED, TEMPORARILY_STOPPED -> kind != UnitKind.PRODUCTION;
        };
    }

    /** Whether the mechanism may pause from the day this status takes effect (停产, 停用); 临时停用 does not. */
    public boolean exempts() {
        return this == PRODUCTION_SUSPENDED || this == STOPPED_REGISTERED;
    }
}
