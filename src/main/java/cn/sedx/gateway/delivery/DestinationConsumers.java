package cn.sedx.gateway.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses and resumes a destination's queue consumer as its circuit breaker opens and half-opens, so the
 * messages of a platform that is down wait on its queue instead of burning attempts. Route changes run on
 * one background thread, in the order the breakers changed, never on a route's own thread.
 */
public class DestinationConsumers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DestinationConsumers.class);

    private final CamelContext camel;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sedx-destination-consumers");
        thread.setDaemon(true);
        return thread;
    });

    public DestinationConsumers(CamelContext camel) {
        this.camel = camel;
    }

    /** The id of the route consuming a destination's queue. */
    public static String routeId(String destination) {
        return "delivery-" + destination;
    }

    /** Called by the breakers on every state change. */
    public void breakerChanged(String destination, CircuitBreaker.State state) {
        executor.execute(() -> apply(destination, state));
    }

    private void apply(String destination, CircuitBreaker.State state) {
        String routeId = routeId(destination);
        try {
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (status == null) {
                return;
            }
            if (state == CircuitBreaker.State.OPEN && status.isStarted()) {
                log.warn("circuit breaker of {} opened: pausing its queue consumer", destination);
                camel.getRouteController().suspendRoute(routeId, 30, TimeUnit.SECONDS);
            } else if (state != CircuitBreaker.State.OPEN && status.isSuspended()) {
                log.info("circuit breaker of {} is {}: resuming its queue consumer", destination, state);
                camel.getRouteController().resumeRoute(routeId);
            }
        } catch (Exception e) {
            log.error("cannot switch the consumer of {} for breaker state {}", destination, state, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
