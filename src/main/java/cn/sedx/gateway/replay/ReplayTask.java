package cn.sedx.gateway.replay;

/**
 * One queue message a replay sends: a stored message back onto a destination's queue (or, for a message that
 * was never routed, onto the accepted queue to be routed again).
 *
 * @param destination the destination, or null when the message is routed again
 * @param queue       the queue to put the message id on
 */
public record ReplayTask(String replayId, int seq, String messageId, String destination, String queue) {}
