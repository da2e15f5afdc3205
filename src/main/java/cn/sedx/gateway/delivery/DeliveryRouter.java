package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where a stored message goes: a function of the message alone (its type, region and unit, and a report's copy
 * recipients), so the outbox queues each delivery directly on its destination's queue and a replay can route a
 * message again. Writes nothing.
 */
@Component("deliveryRouter")
public class DeliveryRouter {

    private final Destinations destinations;
    private final MessageStore store;
    private final ObjectMapper mapper;

    public DeliveryRouter(Destinations destinations, MessageStore store, ObjectMapper mapper) {
        this.destinations = destinations;
        this.store = store;
        this.mapper = mapper;
    }

    /** The destinations of the message, in a stable order; empty when none is configured for it. */
    public List<String> targets(StoredMessage message) {
        return destinations.route(message.type(), message.regionCode(), message.unitUscc(), canonical(message));
    }

    /** The queue of a destination. */
    public String queueOf(String destination) {
        return destinations.queueOf(destination);
    }

    private JsonNode canonical(StoredMessage message) {
        if (message.type() != MessageType.YEAR_END_REPORT) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(store.payload(message.id()).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException("stored report " + message.id() + " is not JSON", e);
        }
    }
}
