package cn.sedx.gateway.intake;

import cn.sedx.gateway.shared.MessageType;
import java.util.Objects;

/**
 * One filing as a channel (REST, SOAP, batch file) hands it to the intake.
 *
 * @param body            the canonical JSON bytes, already within the size limit
 * @param idempotencyKey  the submitter's key, or null
 * @param previousMessageId the message this one corrects, or null
 */
public record Submission(
        MessageType type,
        String submittingSystem,
        String channel,
        String idempotencyKey,
        byte[] body,
        String previousMessageId) {

    public Submission {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(submittingSystem, "submittingSystem");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
    }
}
