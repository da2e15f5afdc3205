package cn.sedx.gateway.messagestore;

import java.time.Instant;

/**
 * One try at handing a message to one destination.
 *
 * @param outcome    an {@link Outcome}'s name (the column keeps the text)
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
        String detail) {

    /** What an attempt came to. */
    public enum Outcome {
        /** The destination's receipt verified. */
        ACKNOWLEDGED,
        /** Failed in a way a retry can cure; the delivery goes back on its queue. */
        RETRY,
        /** Retries went on past the destination's give-up period: dead-lettered with DELIVERY_EXPIRED. */
        EXPIRED,
        /** Failed in a way no retry cures: dead-lettered with its error code. */
        DEAD_LETTERED
    }
}
