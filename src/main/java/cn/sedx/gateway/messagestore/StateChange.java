package cn.sedx.gateway.messagestore;

import java.time.Instant;

/** One entry of a message's state history: what it became, when, who did it and why. */
public record StateChange(MessageState state, Instant at, String actor, String detail) {}
