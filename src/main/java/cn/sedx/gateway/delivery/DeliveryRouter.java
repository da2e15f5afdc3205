package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides where an accepted message goes and records one QUEUED delivery per destination; the
 * {@code delivery-route} route then puts one queue message per destination in the same JMS transaction as it
 * consumes the accepted one. Safe to repeat: a destination whose delivery is already settled is skipped.
 */
@Component("deliveryRouter")
public class DeliveryRouter {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRouter.class);
    private static final Set<MessageState> SETTLED = EnumSet.of(MessageState.ACKNOWLEDGED, MessageState.FAILED,
            MessageState.SIGNED_FOR, MessageState.RETURNED);

    private final Destinations destinations;
    private final MessageStore store;
    private final DeliveryLog deliveries;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DeliveryRouter(Destinations destinations, MessageStore store, DeliveryLog deliveries, ObjectMapper mapper,
            Clock clock) {
        this.destinations = destinations;
        this.store = store;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * The destinations to queue the message for; empty when it is unknown, already settled everywhere, or has no
     * destination (then it is FAILED with NO_DESTINATION).
     */
    public List<String> route(String messageId) throws IOException {
        StoredMessage message = store.find(messageId).orElse(null);
        if (message == null) {
            log.warn("accepted message {} is not in the store; dropped", messageId);
            return List.of();
        }
        List<String> targets = destinations.route(message.type(), message.regionCode(), message.unitUscc(),
                canonical(message));
        if (targets.isEmpty()) {
            store.transition(messageId, null, MessageState.FAILED, DeliveryStates.ACTOR, ErrorCode.NO_DESTINATION
                    + ": no destination configured for " + message.type() + " of region " + message.regionCode());
            return List.of();
        }
        Map<String, MessageState> known = deliveries.states(messageId);
        List<String> queued = targets.stream().filter(d -> !SETTLED.contains(known.get(d))).toList();
        queued.stream().filter(d -> !known.containsKey(d))
                .forEach(d -> deliveries.mark(messageId, d, MessageState.QUEUED, clock.instant()));
        return queued;
    }

    private JsonNode canonical(StoredMessage message) throws IOException {
        if (message.type() != MessageType.YEAR_END_REPORT) {
            return mapper.nullNode();
        }
        return mapper.readTree(store.payload(message.id()).orElseThrow());
    }
}
