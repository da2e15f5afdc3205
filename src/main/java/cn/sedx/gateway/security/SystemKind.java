package cn.sedx.gateway.security;

import cn.sedx.gateway.shared.MessageType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What sort of system a registered submitting system is, which bounds the message types it may ever be allowed:
 * its configured {@code message-types} must lie inside them (checked at start-up) and every submission is checked
 * against both.
 */
public enum SystemKind {
    /**
     * A local system: a licensing or use-registration platform, a provincial bureau's system, a unit's enterprise
     * system. Files personnel, records, reports and training, and a unit's rectification evidence.
     */
    LOCAL(EnumSet.of(MessageType.PERSONNEL_FILING, MessageType.SAFETY_RECORD, MessageType.YEAR_END_REPORT,
            MessageType.TRAINING_RECORD, MessageType.RECTIFICATION_ORDER_CHANGE)),
    /**
     * A regulator's system (county level or higher, 监管部门): issues rectification orders and follows them up, files
     * spot-check assessments, reads agency reports of its jurisdiction.
     */
    REGULATOR(EnumSet.of(MessageType.RECTIFICATION_ORDER, MessageType.RECTIFICATION_ORDER_CHANGE,
            MessageType.TRAINING_RECORD)),
    /** An inspection or assessment agency's system (检验机构, 鉴定评审机构), with its approval number: reports units. */
    AGENCY(EnumSet.of(MessageType.AGENCY_REPORT));

    private final Set<MessageType> permitted;

    SystemKind(Set<MessageType> permitted) {
        this.permitted = permitted;
    }

    /** Whether a system of this kind may ever submit {@code type}. */
    public boolean permits(MessageType type) {
        return permitted.contains(type);
    }
}
