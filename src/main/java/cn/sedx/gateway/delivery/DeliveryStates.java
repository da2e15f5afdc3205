package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.DeliveryAttempt;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.SentRequests;
import cn.sedx.gateway.messagestore.SentRequests.SentRequest;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.messagestore.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a message's overall state in step with its deliveries: SENT once an attempt was made and while any
 * delivery is under way, ACKNOWLEDGED when every destination acknowledged, FAILED as soon as any destination
 * dead-lettered it. Every change goes into the message's history with the gateway as actor and the destination in
 * the detail. SENT is written with the outcome of the first attempt, in the same transaction, and dated when that
 * attempt started: one commit fewer per delivery, and a message shows QUEUED while its first attempt is in flight.
 */
@Component
public class DeliveryStates {


    private final MessageStore store;
    private final DeliveryLog log;
    private final SentRequests sentRequests;

    public DeliveryStates(MessageStore store, DeliveryLog log, SentRequests sentRequests) {
        this.store = store;
        this.log = log;
        this.sentRequests = sentRequests;
    }

    /**
     * Records a batch of attempts, moves each delivery to the state its attempt leads to and settles the states of
     * their messages, and repairs the messages of {@code repairs}, all in one transaction (one commit for the whole
     * batch). The messages' rows are locked first, in id order, so that a batch waits for the outbox transaction
     * that queued its messages and two batches never deadlock.
     *
     * @param sent    the exact requests the attempts sent, kept as each delivery's last
     * @param repairs messages found with their delivery settled while the message itself was not (a crash between
     *                the two), with the detail to record
     * @return the messages this batch moved to ACKNOWLEDGED (every destination acknowledged)
     */
    @Transactional
    public List<StoredMessage> recordAll(List<DeliveryLog.Recorded> records, List<SentRequest> sent,
            Map<String, String> repairs) {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(r.messageId()));
        ids.addAll(repairs.keySet());
        store.lock(ids);
        log.recordAll(records);
        sentRequests.recordAll(sent);
        List<StoredMessage> acknowledged = new ArrayList<>();
        for (DeliveryLog.Recorded record : records) {
            DeliveryAttempt attempt = record.attempt();
            settle(record.messageId(), attempt.destination(), attempt.destination() + ": " + describe(attempt),
                    attempt.startedAt()).ifPresent(acknowledged::add);
        }
        repairs.forEach((id, detail) -> settle(id, null, detail, null));
        return acknowledged;
    }

    /** Moves the message to the state its deliveries add up to; concurrent writers are retried. */
    public void settle(String messageId, String detail) {
        settle(messageId, null, detail, null);
    }

    /**
     * @param destination the destination of the attempt that led here, or null
     * @param sentAt      when that attempt started: a message not yet SENT enters SENT at that time first
     * @return the message, when this moved it to ACKNOWLEDGED
     */
    private Optional<StoredMessage> settle(String messageId, String destination, String detail, Instant sentAt) {
        for (int tries = 0; tries < 5; tries++) {
            StoredMessage message = store.find(messageId).orElseThrow();
            MessageState target = overall(log.states(messageId).values());
            MessageState current = message.state();
            if (target != null && sentAt != null && current.isNotYetSent()) {
                // the first attempt: SENT when it started, and where it led, with one update of the message
                boolean moved = target == MessageState.SENT
                        ? store.transition(messageId, current, MessageState.SENT, StateChange.GATEWAY,
                                "sending to " + destination, sentAt)
                        : store.transitionVia(messageId, current, MessageState.SENT, sentAt,
                                "sending to " + destination, target, StateChange.GATEWAY, detail);
                if (!moved) {
                    continue;
                }
                return target == MessageState.ACKNOWLEDGED ? Optional.of(message) : Optional.empty();
            }
            if (target == null || target == current || (target == MessageState.ACKNOWLEDGED
                    && current.isAnswered())) {
                return Optional.empty();
            }
            if (store.transition(messageId, current, target, StateChange.GATEWAY, detail)) {
                return target == MessageState.ACKNOWLEDGED ? Optional.of(message) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The overall state of a message whose deliveries are in {@code states}; null when it has none. */
    static MessageState overall(Collection<MessageState> states) {
        if (states.isEmpty()) {
            return null;
        }
        if (states.contains(MessageState.FAILED)) {
            return MessageState.FAILED;
        }
        return states.stream().allMatch(MessageState::isAnswered) ? MessageState.ACKNOWLEDGED : MessageState.SENT;
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
