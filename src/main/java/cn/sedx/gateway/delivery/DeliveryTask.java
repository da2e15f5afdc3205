package cn.sedx.gateway.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One queue message: deliver a stored message to one destination.
 *
 * @param attempt        number of this attempt, from 1
 * @param firstAttemptAt when the first attempt of this delivery ran, or null if this is the first
 */
record DeliveryTask(String messageId, String destination, int attempt, Instant firstAttemptAt) {

    public DeliveryTask {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(destination, "destination");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
    }
}
