package cn.sedx.gateway.model;

/**
 * Where a rectification order stands: ISSUED → RECTIFIED, or ISSUED → OVERDUE (the gateway, the day after the
 * deadline) → RECTIFIED (late) or PENALISED.
 */
public enum OrderStatus {
    /** 已下达, within its deadline. */
    ISSUED,
    /** 已整改, with the unit's evidence. */
    RECTIFIED,
    /** 逾期未整改: the deadline passed with no rectification. */
    OVERDUE,
    /** 已处罚: a penalty decision followed the overdue order. */
    PENALISED;

    /** Whether an order may move from this status to {@code next}. */
    public boolean allows(OrderStatus next) {
        return switch (this) {
            case ISSUED -> next == RECTIFIED || next == OVERDUE;
            case OVERDUE -> next == RECTIFIED || next == PENALISED;
            case RECTIFIED, PENALISED -> false;
        };
    }

    /** Whether the order still waits for the unit: ISSUED or OVERDUE. */
    public boolean open() {
        return this == ISSUED || this == OVERDUE;
    }
}
