package cn.sedx.gateway.messagestore;

import java.time.Instant;

/**
 * One try at handing a message to one destination.
 *
 * @param outcome    e.g. ACKNOWLEDGED, RETRY, REJECTED, DEAD_LETTERED
 * @param httpStatus the destination's HTTP status, or null when none came back
 * @param errorCode  the gateway error code, or null on success
 */
public record DeliveryAttempt(
        String destination,
        int attempt,
        Instant startedAt,
        long durationMs,
        String outcome,
        Integer httpStatus,
        String errorCode,
        String detail) {}
