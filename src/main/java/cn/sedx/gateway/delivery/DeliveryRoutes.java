package cn.sedx.gateway.delivery;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Instantiates the {@code delivery-destination} route template of {@code routes/delivery.camel.yaml} once per
 * configured destination, as route {@code delivery-<destination>} consuming the destination's own queue.
 */
public class DeliveryRoutes implements CamelContextConfiguration {

    static final String TEMPLATE = "delivery-destination";

    private final DeliverySettings settings;

    public DeliveryRoutes(DeliverySettings settings) {
        this.settings = settings;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the template is loaded with the YAML routes; destinations are added once the context has started
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        if (!settings.enabled()) {
            return;
        }
        settings.destinations().forEach((name, destination) -> TemplatedRouteBuilder.builder(camelContext, TEMPLATE)
                .routeId(DestinationConsumers.routeId(name))
                .parameter("destination", name)
                .parameter("queue", settings.queueOf(name))
                .parameter("consumers", String.valueOf(destination.concurrentConsumers()))
                .add());
    }
}
