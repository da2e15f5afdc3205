package cn.sedx.gateway.messagestore;

import cn.sedx.gateway.shared.MessageType;
import java.time.Instant;

/** A message as stored, without its payload (read that with {@link MessageStore#payload}). */
public record StoredMessage(
        String id,
        MessageType type,
        MessageState state,
        String submittingSystem,
        String channel,
        String unitUscc,
        String regionCode,
        String idempotencyKey,
        String bodySha256,
        long payloadSize,
        String warnings,
        String previousMessageId,
        Instant receivedAt,
        Instant updatedAt) {}
