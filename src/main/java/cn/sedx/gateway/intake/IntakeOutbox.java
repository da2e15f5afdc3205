package cn.sedx.gateway.intake;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox between the store and the accepted queue. A filing is committed as RECEIVED
 * before the submitter hears 202; the {@code intake-dispatch} route then puts its id on the queue and marks
 * it QUEUED. A crash between the two re-sends the same id, which delivery treats as a duplicate.
 */
@Component("intakeOutbox")
public class IntakeOutbox {

    private final MessageStore store;
    private final IntakeSettings settings;

    public IntakeOutbox(MessageStore store, IntakeSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Ids of stored filings not yet on the queue, oldest first. */
    public List<String> pending() {
        return store.idsInState(MessageState.RECEIVED, settings.dispatchBatch());
    }

    /** Records that the filing is on the accepted queue. */
    public void markQueued(String messageId) {
        store.transition(messageId, MessageState.RECEIVED, MessageState.QUEUED, "gateway",
                "queued on " + settings.acceptedQueue());
    }
}
