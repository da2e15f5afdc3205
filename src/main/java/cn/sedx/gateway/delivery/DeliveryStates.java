package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.DeliveryAttempt;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a message's overall state in step with its deliveries: SENT while any delivery is under way,
 * ACKNOWLEDGED when every destination acknowledged, FAILED as soon as any destination dead-lettered it.
 * Every change goes into the message's history with the gateway as actor and the destination in the detail.
 */
@Component
public class DeliveryStates {

    static final String ACTOR = "gateway";
    private static final Set<MessageState> SETTLED_OK =
            EnumSet.of(MessageState.ACKNOWLEDGED, MessageState.SIGNED_FOR, MessageState.RETURNED);

    private final MessageStore store;
    private final DeliveryLog log;

    public DeliveryStates(MessageStore store, DeliveryLog log) {
        this.store = store;
        this.log = log;
    }

    /** Moves a queued or replayed message to SENT before its first attempt. */
    public void sending(StoredMessage message, String destination) {
        if (message.state() == MessageState.QUEUED || message.state() == MessageState.REPLAYED) {
            store.transition(message.id(), message.state(), MessageState.SENT, ACTOR, "sending to " + destination);
        }
    }

    /**
     * Records an attempt, moves the delivery to {@code deliveryState}, then settles the message's state, in one
     * transaction: the attempt and the state it leads to are never seen apart.
     */
    @Transactional
    public void record(String messageId, DeliveryAttempt attempt, MessageState deliveryState) {
        log.record(messageId, attempt, deliveryState);
        settle(messageId, attempt.destination() + ": " + describe(attempt));
    }

    /** Moves the message to the state its deliveries add up to; concurrent writers are retried. */
    public void settle(String messageId, String detail) {
        for (int tries = 0; tries < 5; tries++) {
            StoredMessage message = store.find(messageId).orElseThrow();
            MessageState target = overall(log.states(messageId).values());
            if (target == null || target == message.state() || (target == MessageState.ACKNOWLEDGED
                    && SETTLED_OK.contains(message.state()))) {
                return;
            }
            if (store.transition(messageId, message.state(), target, ACTOR, detail)) {
                return;
            }
        }
    }

    /** The overall state of a message whose deliveries are in {@code states}; null when it has none. */
    static MessageState overall(Collection<MessageState> states) {
        if (states.isEmpty()) {
            return null;
        }
        if (states.contains(MessageState.FAILED)) {
            return MessageState.FAILED;
        }
        return SETTLED_OK.containsAll(states) ? MessageState.ACKNOWLEDGED : MessageState.SENT;
    }

    /** The state of each delivery of a message, by destination. */
    public Map<String, MessageState> deliveries(String messageId) {
        return log.states(messageId);
    }

    private static String describe(DeliveryAttempt attempt) {
        String status = attempt.httpStatus() == null ? "" : " HTTP " + attempt.httpStatus();
        String error = attempt.errorCode() == null ? "" : " " + attempt.errorCode();
        return "attempt " + attempt.attempt() + " " + attempt.outcome() + status + error;
    }
}
