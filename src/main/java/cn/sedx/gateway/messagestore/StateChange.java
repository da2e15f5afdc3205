package cn.sedx.gateway.messagestore;

import java.time.Instant;

/** One entry of a message's state history: what it became, when, who did it and why. */
public record StateChange(MessageState state, Instant at, String actor, String detail) {

    /**
     * The actor of what the gateway does by itself (delivery, overdue orders, upload runs), in the history and the
     * audit trail, and the submitting system of the messages it makes.
     */
    public static final String GATEWAY = "gateway";
}
