package cn.sedx.gateway.messagestore;

import java.time.Instant;

/**
 * Published, inside the writing transaction, whenever a message enters a state; listeners that write in the
 * same transaction (the audit trail) commit or roll back with the change itself.
 */
public record StateChanged(String messageId, MessageState state, Instant at, String actor, String detail) {}
