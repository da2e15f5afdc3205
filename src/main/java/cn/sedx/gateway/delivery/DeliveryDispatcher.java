package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.ErrorCode;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox between the store and the destination queues. The intake commits a filing as RECEIVED
 * before its submitter hears 202; the {@code delivery-dispatch} route then calls {@link #dispatch}, which claims a
 * batch of RECEIVED messages (row locks: with several nodes each message is claimed by one), puts one queue message
 * per delivery on each destination's own queue in one JMS transaction, and marks the batch QUEUED with its delivery
 * rows in the claiming database transaction. A crash after the JMS commit and before the database commit leaves the
 * batch RECEIVED: it is queued again, and a platform sees those repeats under the same {@code X-Message-Id}.
 */
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final DeliveryRouter router;
    private final JmsTemplate jms;
    private final TransactionTemplate transactions;
    private final int batch;
    private final Clock clock;
    private volatile boolean recovered;
    private volatile boolean brokerDown;

    public DeliveryDispatcher(MessageStore store, DeliveryLog deliveries, DeliveryRouter router, JmsTemplate jms,
            TransactionTemplate transactions, int batch, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.router = router;
        this.jms = jms;
        this.transactions = transactions;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Dispatches batches until fewer than a whole batch was waiting.
     *
     * @return how many messages were dispatched
     */
    public int dispatch() {
        if (!recovered) {
            recoverUnrouted();
            recovered = true;
        }
        int total = 0;
        int moved;
        do {
            try {
                Integer count = transactions.execute(status -> dispatchBatch());
                moved = count == null ? 0 : count;
            } catch (JmsException e) {
                // the claim rolled back: the batch stays RECEIVED and is queued on a later run
                brokerUnavailable(e);
                return total;
            }
            total += moved;
        } while (moved >= batch);
        if (brokerDown) {
            brokerDown = false;
            log.info("the broker takes deliveries again");
        }
        return total;
    }

    /** One line when the broker stops taking deliveries (not one stack trace per run of the timer). */
    private void brokerUnavailable(JmsException e) {
        if (!brokerDown) {
            brokerDown = true;
            log.warn("cannot queue deliveries, the broker does not answer ({}): filings stay RECEIVED and are queued"
                    + " when it does", e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Before 0.2 the outbox queued filings on an intermediate routing queue ({@code sedx.intake.accepted}), which this
     * version no longer reads: a filing left there after an upgrade is QUEUED without a delivery. It is dispatched
     * again from the store (its stale routing-queue message is never consumed and does no harm).
     */
    private void recoverUnrouted() {
        List<String> unrouted;
        do {
            unrouted = store.queuedWithoutDeliveries(batch);
            unrouted.forEach(id -> store.transition(id, MessageState.QUEUED, MessageState.RECEIVED,
                    StateChange.GATEWAY, "queued by an earlier version without a delivery: dispatched again"));
            if (!unrouted.isEmpty()) {
                log.warn("{} filing(s) queued by an earlier version had no delivery: dispatched again",
                        unrouted.size());
            }
        } while (unrouted.size() >= batch);
    }

    private int dispatchBatch() {
        List<StoredMessage> claimed = store.claimReceived(batch);
        if (claimed.isEmpty()) {
            return 0;
        }
        // stamped before the sends: a lane may attempt a delivery before this transaction commits
        Instant now = clock.instant();
        Map<String, List<String>> routed = new LinkedHashMap<>();
        for (StoredMessage message : claimed) {
            List<String> targets = targets(message);
            if (targets.isEmpty()) {
                store.transition(message.id(), MessageState.RECEIVED, MessageState.FAILED, StateChange.GATEWAY,
                        ErrorCode.NO_DESTINATION + ": no destination configured for " + message.type()
                                + " of region " + message.regionCode(), now);
            } else {
                routed.put(message.id(), targets);
            }
        }
        if (routed.isEmpty()) {
            return claimed.size();
        }
        jms.execute(session -> send(session, routed), true);
        deliveries.createAll(routed, MessageState.QUEUED, now);
        routed.forEach((id, targets) -> store.transition(id, MessageState.RECEIVED, MessageState.QUEUED,
                StateChange.GATEWAY, "queued for " + String.join(", ", targets), now));
        return claimed.size();
    }

    private List<String> targets(StoredMessage message) {
        try {
            return router.targets(message);
        } catch (RuntimeException e) {
            log.warn("cannot route {}: {}", message.id(), e.getMessage());
            return List.of();
        }
    }

    /** One persistent send per delivery, committed together (one journal sync for the batch). */
    private Void send(Session session, Map<String, List<String>> routed) throws JMSException {
        Map<String, MessageProducer> producers = new HashMap<>();
        try {
            for (Map.Entry<String, List<String>> message : routed.entrySet()) {
                for (String destination : message.getValue()) {
                    MessageProducer producer = producers.computeIfAbsent(destination, d -> producer(session, d));
                    TextMessage queued = session.createTextMessage(message.getKey());
                    queued.setStringProperty(DeliveryHeaders.MESSAGE_ID, message.getKey());
                    queued.setStringProperty(DeliveryHeaders.DESTINATION, destination);
                    producer.send(queued);
                }
            }
            session.commit();
        } finally {
            for (MessageProducer producer : producers.values()) {
                producer.close();
            }
        }
        return null;
    }

    private MessageProducer producer(Session session, String destination) {
        try {
            MessageProducer producer = session.createProducer(session.createQueue(router.queueOf(destination)));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            return producer;
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }
}
