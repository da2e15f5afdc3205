package cn.sedx.gateway.replay;

/**
 * One queue message a replay sends: a stored message back onto a destination's queue (a message that was never
 * routed is routed again from the store first, so every task names its destination).
 *
 * @param destination the destination
 * @param queue       the destination's queue, which the message id is put on
 */
public record ReplayTask(String replayId, int seq, String messageId, String destination, String queue) {}
