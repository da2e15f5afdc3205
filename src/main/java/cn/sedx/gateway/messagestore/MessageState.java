package cn.sedx.gateway.messagestore;

import java.util.Arrays;
import java.util.List;

/**
 * Where a message (or one delivery of it) is in its life. Settled states are ACKNOWLEDGED, SIGNED_FOR, RETURNED and
 * FAILED (until replayed); the predicates below are the one place that says which state counts as what.
 */
public enum MessageState {
    /** Validated and durably stored; acknowledged to the submitter with 202. */
    RECEIVED,
    /** On a persistent queue towards its destinations. */
    QUEUED,
    /** Handed to the destination, no verified receipt yet. */
    SENT,
    /** The destination's signed receipt verified (已接收 for the document exchange). */
    ACKNOWLEDGED,
    /** Retries exhausted or a permanent error: dead-lettered with its reason. */
    FAILED,
    /** Put back on its queue by an operator. */
    REPLAYED,
    /** 已签收: the document exchange signed for the document. */
    SIGNED_FOR,
    /** 已退回: the document exchange returned the document, with a reason. */
    RETURNED;

    private static final List<MessageState> UNSETTLED =
            Arrays.stream(values()).filter(state -> !state.isSettled()).toList();

    /** Whether delivery is over: the destination answered, or the gateway gave up (FAILED, until a replay). */
    public boolean isSettled() {
        return isAnswered() || this == FAILED;
    }

    /** Whether the destination answered: a verified receipt, or the document exchange signed for or returned it. */
    public boolean isAnswered() {
        return this == ACKNOWLEDGED || this == SIGNED_FOR || this == RETURNED;
    }

    /** Whether the destination took the message: answered and not returned (a replay need not go there again). */
    public boolean isTaken() {
        return this == ACKNOWLEDGED || this == SIGNED_FOR;
    }

    /** Whether the state is one of the document exchange's callbacks (已签收, 已退回). */
    public boolean isCallback() {
        return this == SIGNED_FOR || this == RETURNED;
    }

    /** Whether no attempt has been recorded since the message was stored, queued or replayed. */
    public boolean isNotYetSent() {
        return this == RECEIVED || this == QUEUED || this == REPLAYED;
    }

    /** The states of a message still on its way (not {@link #isSettled() settled}), in their order of life. */
    public static List<MessageState> unsettled() {
        return UNSETTLED;
    }
}
