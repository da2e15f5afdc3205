package cn.sedx.gateway.messagestore;

import java.time.Instant;
import java.util.List;

/** Where a message stands with one destination, with every attempt, oldest first. */
public record Delivery(
        String destination,
        MessageState state,
        int attempts,
        Instant firstAttemptAt,
        String lastErrorCode,
        String lastError,
        Instant updatedAt,
        List<DeliveryAttempt> attemptLog) {}
