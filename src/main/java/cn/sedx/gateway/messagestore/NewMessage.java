package cn.sedx.gateway.messagestore;

import cn.sedx.gateway.shared.MessageType;
import java.util.Objects;

/**
 * A validated filing about to be stored.
 *
 * @param idempotencyKey the submitter's key, or null when the submitter gave none
 * @param warnings       JSON array of the validation warnings, or null
 * @param previousMessageId the message this one corrects (a resubmitted report), or null
 */
public record NewMessage(
        MessageType type,
        String submittingSystem,
        String channel,
        String unitUscc,
        String regionCode,
        String idempotencyKey,
        String bodySha256,
        byte[] payload,
        String warnings,
        String previousMessageId) {

    public NewMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(submittingSystem, "submittingSystem");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(payload, "payload");
    }
}
