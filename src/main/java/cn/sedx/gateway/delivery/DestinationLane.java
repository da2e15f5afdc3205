package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliveryRelay.Attempted;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * One consumer of a destination's queue that stays open for as long as the gateway runs, on a transacted session of
 * its own. It takes the messages that are waiting (up to {@code batch-size}, for at most {@code batch-window}),
 * runs their attempts one after the other, records all their outcomes in one database transaction, sends the
 * retries on the same session and commits the session: the received messages, their retries and nothing else.
 * The database commits first, so a crash between the two commits redelivers messages whose outcome is already
 * recorded; the relay then finds them settled and does nothing. While the destination's circuit breaker is open
 * the lane receives nothing: the messages wait on the queue.
 */
final class DestinationLane implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DestinationLane.class);
    private static final Duration PAUSE = Duration.ofMillis(200);

    private final String destination;
    private final String queue;
    private final DeliveryRelay relay;
    private final DeliveryBreakers breakers;
    private final JmsTemplate jms;
    private final DeliverySettings.Lanes settings;
    private volatile boolean running = true;

    DestinationLane(String destination, String queue, DeliveryRelay relay, DeliveryBreakers breakers,
            JmsTemplate jms, DeliverySettings.Lanes settings) {
        this.destination = destination;
        this.queue = queue;
        this.relay = relay;
        this.breakers = breakers;
        this.jms = jms;
        this.settings = settings;
    }

    /** Asks the lane to finish its batch and stop; it commits what it has done. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        Duration backoff = settings.reconnectDelay();
        while (running) {
            try {
                jms.execute(this::consume, true);
                backoff = settings.reconnectDelay();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("delivery lane of {} lost its session ({}); reconnecting in {}", destination,
                            e.getMessage(), backoff);
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                            : backoff.multipliedBy(2);
                }
            }
        }
    }

    private Void consume(Session session) throws JMSException {
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        MessageProducer retries = session.createProducer(session.createQueue(queue));
        retries.setDeliveryMode(DeliveryMode.PERSISTENT);
        try {
            while (running) {
                if (breakers.state(destination) == CircuitBreaker.State.OPEN) {
                    pause(PAUSE);
                } else {
                    batch(session, consumer, retries);
                }
            }
            return null;
        } finally {
            retries.close();
            consumer.close();
        }
    }

    private void batch(Session session, MessageConsumer consumer, MessageProducer retries) throws JMSException {
        Message first = consumer.receive(settings.idleReceive().toMillis());
        if (first == null) {
            return;
        }
        List<Attempted> batch = new ArrayList<>();
        long until = System.nanoTime() + settings.batchWindow().toNanos();
        try {
            for (Message next = first; next != null; next = more(batch, until) ? consumer.receiveNoWait() : null) {
                batch.add(relay.attempt(task(next)));
            }
            relay.record(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.rollback();
            running = false;
            return;
        } catch (RuntimeException e) {
            // the outcomes could not be recorded (database down): the broker redelivers the batch later
            log.warn("cannot record {} delivery outcome(s) of {}; the batch goes back to its queue: {}", batch.size(),
                    destination, e.toString());
            session.rollback();
            pause(PAUSE);
            return;
        }
        for (Attempted attempted : batch) {
            if (attempted.outcome().retry()) {
                retries.send(retryOf(session, attempted));
            }
        }
        session.commit();
    }

    private boolean more(List<Attempted> batch, long until) {
        return running && batch.size() < settings.batchSize() && System.nanoTime() < until;
    }

    private DeliveryTask task(Message message) throws JMSException {
        String first = message.getStringProperty(DeliveryHeaders.FIRST_ATTEMPT_AT);
        int attempt = message.propertyExists(DeliveryHeaders.ATTEMPT)
                ? message.getIntProperty(DeliveryHeaders.ATTEMPT) : 1;
        return new DeliveryTask(((TextMessage) message).getText(), destination, attempt,
                first == null ? null : Instant.parse(first));
    }

    private static Message retryOf(Session session, Attempted attempted) throws JMSException {
        DeliveryOutcome outcome = attempted.outcome();
        TextMessage retry = session.createTextMessage(attempted.task().messageId());
        retry.setStringProperty(DeliveryHeaders.MESSAGE_ID, attempted.task().messageId());
        retry.setStringProperty(DeliveryHeaders.DESTINATION, attempted.task().destination());
        retry.setIntProperty(DeliveryHeaders.ATTEMPT, outcome.nextAttempt());
        if (outcome.firstAttemptAt() != null) {
            retry.setStringProperty(DeliveryHeaders.FIRST_ATTEMPT_AT, outcome.firstAttemptAt().toString());
        }
        retry.setLongProperty(DeliveryHeaders.SCHEDULED_DELIVERY, outcome.notBefore().toEpochMilli());
        return retry;
    }

    private void pause(Duration duration) {
        synchronized (this) {
            try {
                wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
