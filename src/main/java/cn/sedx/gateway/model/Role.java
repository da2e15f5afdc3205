package cn.sedx.gateway.model;

/** 岗位: a role under Orders No. 73 (production units) and No. 74 (use units). */
public enum Role {
    /** 主要负责人, in every kind of unit. */
    PRINCIPAL(Level.PRINCIPAL, false),
    /** 安全总监, in use and filling units. */
    SAFETY_DIRECTOR(Level.DIRECTOR, false),
    /** 安全员, in use and filling units. */
    SAFETY_OFFICER(Level.OFFICER, false),
    /** 质量安全总监, in production units. */
    QUALITY_SAFETY_DIRECTOR(Level.DIRECTOR, true),
    /** 质量安全员, in production units. */
    QUALITY_SAFETY_OFFICER(Level.OFFICER, true);

    /** Where a role sits in the chain: officers answer to the director, the director to the principal. */
    public enum Level { PRINCIPAL, DIRECTOR, OFFICER }

    private final Level level;
    private final boolean productionForm;

    Role(Level level, boolean productionForm) {
        this.level = level;
        this.productionForm = productionForm;
    }

    /** The level of this role, whatever the unit kind. */
    public Level level() {
        return level;
    }

    /** Whether a unit of the given kind may use this role. */
    public boolean fits(UnitKind kind) {
        return level == Level.PRINCIPAL || productionForm == (kind == UnitKind.PRODUCTION);
    }
}
