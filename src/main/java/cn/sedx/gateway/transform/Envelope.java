package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.MessageType;
import java.time.Instant;
import java.util.Objects;

/**
 * What a target format says about a message besides its content.
 *
 * @param messageId  the message id for life
 * @param type       the message type
 * @param receivedAt when the gateway accepted it
 * @param unitUscc   the unit's (or issuer's) USCC, or null
 * @param regionCode the unit's region code, or null
 */
public record Envelope(String messageId, MessageType type, Instant receivedAt, String unitUscc, String regionCode) {

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
