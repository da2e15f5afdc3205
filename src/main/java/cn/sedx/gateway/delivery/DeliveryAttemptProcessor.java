package cn.sedx.gateway.delivery;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Thin adapter of {@link DeliveryRelay} for the per-destination routes: reads the task from the queue message,
 * runs the attempt and, for a retry, sets the headers of the re-queued message (attempt, first-attempt time,
 * Artemis scheduled delivery time).
 */
public class DeliveryAttemptProcessor implements Processor {

    private final DeliveryRelay relay;

    public DeliveryAttemptProcessor(DeliveryRelay relay) {
        this.relay = relay;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String first = message.getHeader(DeliveryHeaders.FIRST_ATTEMPT_AT, String.class);
        DeliveryTask task = new DeliveryTask(message.getBody(String.class),
                message.getHeader(DeliveryHeaders.DESTINATION, String.class),
                message.getHeader(DeliveryHeaders.ATTEMPT, 1, Integer.class),
                first == null ? null : Instant.parse(first));
        DeliveryOutcome outcome = relay.deliver(task);
        message.setHeader(DeliveryHeaders.OUTCOME, outcome.retry() ? "RETRY" : "DONE");
        if (outcome.retry()) {
            message.setHeader(DeliveryHeaders.ATTEMPT, outcome.nextAttempt());
            if (outcome.firstAttemptAt() != null) {
                message.setHeader(DeliveryHeaders.FIRST_ATTEMPT_AT, outcome.firstAttemptAt().toString());
            }
            message.setHeader(DeliveryHeaders.SCHEDULED_DELIVERY, outcome.notBefore().toEpochMilli());
        }
    }
}
