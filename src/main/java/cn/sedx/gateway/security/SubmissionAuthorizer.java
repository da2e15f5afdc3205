package cn.sedx.gateway.security;

import cn.sedx.gateway.security.SecuritySettings.SystemSettings;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import org.springframework.stereotype.Component;

/** Decides whether a submitting system may submit a message type, and for a unit in a given region. */
@Component
public class SubmissionAuthorizer {

    private final SystemRegistry systems;

    public SubmissionAuthorizer(SystemRegistry systems) {
        this.systems = systems;
    }

    /**
     * @throws SedxException FORBIDDEN when the system is unknown, may not submit this type, or is of a kind that never
     *     may (an agency cannot submit orders, whatever its configuration says)
     */
    public void checkType(String systemId, MessageType type) {
        SystemSettings system = known(systemId);
        if (!system.messageTypes().contains(type) || !system.kind().permits(type)) {
            throw refusal(ErrorCode.FORBIDDEN, "", "该系统无权报送 " + type, "this system may not submit " + type);
        }
    }

    /**
     * @throws SedxException FORBIDDEN unless the system is registered and of {@code kind}
     */
    public void checkKind(String systemId, SystemKind kind, String pointer) {
        if (known(systemId).kind() != kind) {
            throw refusal(ErrorCode.FORBIDDEN, pointer, "仅限 " + kind + " 类系统", "only for " + kind + " systems");
        }
    }

    /**
     * Whether {@code regionCode} lies inside the system's jurisdiction; false for an unknown system or a null region.
     */
    public boolean covers(String systemId, String regionCode) {
        return regionCode != null && systems.find(systemId)
                .map(system -> regionCode.startsWith(system.jurisdiction())).orElse(false);
    }

    /**
     * @param regionCode the unit's 6-digit region code, or null when the body did not yield one (validation
     *                   refuses such a body on its own)
     * @param pointer    where the region sits in the body
     * @throws SedxException OUT_OF_JURISDICTION when the region is outside the system's jurisdiction
     */
    public void checkRegion(String systemId, String regionCode, String pointer) {
        SystemSettings system = known(systemId);
        if (regionCode != null && !regionCode.startsWith(system.jurisdiction())) {
            // the region as submitted is not echoed (it may be any text); the system's own jurisdiction is
            throw refusal(ErrorCode.OUT_OF_JURISDICTION, pointer, "单位所在地不在本系统管辖范围 " + system.jurisdiction() + " 内",
                    "the unit's region is outside jurisdiction " + system.jurisdiction());
        }
    }

    private SystemSettings known(String systemId) {
        return systems.find(systemId).orElseThrow(() -> refusal(ErrorCode.FORBIDDEN, "", "未登记的报送系统",
                "not a registered submitting system"));
    }

    private static SedxException refusal(ErrorCode code, String pointer, String zh, String en) {
        return SedxException.at(code, pointer, zh, en);
    }
}
