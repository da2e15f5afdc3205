package cn.sedx.gateway.messagestore;

import cn.sedx.gateway.shared.MessageType;
import java.time.Instant;

/**
 * Filters for listing messages; every field may be null (no filter). Paging is by page number from 0.
 *
 * @param from received at or after (inclusive)
 * @param to   received before (exclusive)
 */
public record MessageQuery(
        MessageType type,
        MessageState state,
        String unitUscc,
        String submittingSystem,
        Instant from,
        Instant to,
        int page,
        int size) {}
