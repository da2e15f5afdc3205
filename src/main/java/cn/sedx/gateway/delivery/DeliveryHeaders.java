package cn.sedx.gateway.delivery;

/** Headers of the messages on the destination queues. */
final class DeliveryHeaders {

    /** The gateway's message id, for life (also the body of every queue message). */
    public static final String MESSAGE_ID = "SedxMessageId";

    /** The destination name. */
    public static final String DESTINATION = "SedxDestination";

    /** Number of the attempt this queue message is for, from 1. */
    public static final String ATTEMPT = "SedxAttempt";

    /** ISO-8601 instant of the first attempt of this delivery (replays start a new count). */
    public static final String FIRST_ATTEMPT_AT = "SedxFirstAttemptAt";

    /** The replay that put the message back on its queue, if any. */
    public static final String REPLAY_ID = "SedxReplayId";

    /** Artemis: epoch millis before which the broker does not deliver the message. */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private DeliveryHeaders() {}
}
