package cn.sedx.gateway.intake;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import java.util.List;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox between the store and the accepted queue. A filing is committed as RECEIVED
 * before the submitter hears 202; the {@code intake-dispatch} route then puts the ids of a batch of them on the
 * queue in one JMS transaction and marks the batch QUEUED in one database transaction. A crash between the two
 * re-sends the same ids, which delivery treats as duplicates.
 */
@Component("intakeOutbox")
public class IntakeOutbox {

    private final MessageStore store;
    private final IntakeSettings settings;
    private final JmsTemplate jms;

    public IntakeOutbox(MessageStore store, IntakeSettings settings, ConnectionFactory connectionFactory) {
        this.store = store;
        this.settings = settings;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** Ids of stored filings not yet on the queue, oldest first. */
    public List<String> pending() {
        return store.idsInState(MessageState.RECEIVED, settings.dispatchBatch());
    }

    /**
     * Moves one batch of stored filings onto the accepted queue: one persistent send per id, committed together
     * (one journal sync), then the batch marked QUEUED together.
     *
     * @return how many filings were dispatched
     */
    public int dispatch() {
        List<String> ids = pending();
        if (ids.isEmpty()) {
            return 0;
        }
        jms.execute(session -> {
            MessageProducer producer = session.createProducer(session.createQueue(settings.acceptedQueue()));
            try {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (String id : ids) {
                    producer.send(session.createTextMessage(id));
                }
                session.commit();
            } finally {
                producer.close();
            }
            return null;
        }, true);
        store.transitionAll(ids, MessageState.RECEIVED, MessageState.QUEUED, "gateway",
                "queued on " + settings.acceptedQueue());
        return ids.size();
    }
}
