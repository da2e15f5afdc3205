package cn.sedx.gateway.delivery;

import java.time.Instant;

/**
 * What one attempt decided about its queue message.
 *
 * @param retry          whether the same delivery goes back on its queue
 * @param nextAttempt    the attempt number of the re-queued message (unchanged when no attempt was made)
 * @param firstAttemptAt when the delivery was first attempted (carried to the re-queued message)
 * @param notBefore      when the re-queued message may be delivered again
 */
record DeliveryOutcome(boolean retry, int nextAttempt, Instant firstAttemptAt, Instant notBefore) {

    /** The delivery is settled (acknowledged, dead-lettered or nothing to do): the queue message is consumed. */
    public static DeliveryOutcome done() {
        return new DeliveryOutcome(false, 0, null, null);
    }

    public static DeliveryOutcome retry(int nextAttempt, Instant firstAttemptAt, Instant notBefore) {
        return new DeliveryOutcome(true, nextAttempt, firstAttemptAt, notBefore);
    }
}
