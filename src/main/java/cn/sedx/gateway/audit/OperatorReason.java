package cn.sedx.gateway.audit;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.PersonalDataMask;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;

/**
 * The reason an operator gives for a change (a replay, a triggered upload, a signature); it goes into the
 * audit trail, so a change without one is refused.
 */
public record OperatorReason(String reason) {

    private static final int MIN = 4;
    private static final int MAX = 500;

    /**
     * The trimmed reason.
     *
     * @throws SedxException REASON_REQUIRED when the request or its reason is missing, too short or too long
     */
    public static String required(OperatorReason request) {
        return required(request == null ? null : request.reason());
    }

    /**
     * As {@link #required(OperatorReason)}, for a reason carried in another request body. The reason is returned
     * with personal identifiers masked, as it is then stored (audit trail, upload runs, replays, state histories).
     */
    public static String required(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() < MIN || trimmed.length() > MAX) {
            throw SedxException.refused(ErrorCode.REASON_REQUIRED, "reason missing", List.of(Violation.of(
                    ErrorCode.REASON_REQUIRED, "/reason", "理由须为 " + MIN + " 至 " + MAX + " 个字符",
                    "the reason must be " + MIN + " to " + MAX + " characters")));
        }
        return PersonalDataMask.text(trimmed);
    }
}
