package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Breaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One resilience4j circuit breaker per destination. Only failures a retry may cure (5xx, timeouts, refused
 * connections) count against a platform; a 4xx or a bad receipt shows the platform is up. Each breaker's
 * state is the gauge {@code sedx.delivery.breaker.state} (0 closed, 1 open, 2 half-open, tag destination).
 */
public class DeliveryBreakers {

    private final Map<String, CircuitBreaker> breakers = new TreeMap<>();

    /** @param onTransition told (destination, new state) on every state change, on the breaker's thread */
    public DeliveryBreakers(Map<String, DeliverySettings.Destination> destinations, MeterRegistry meters,
            BiConsumer<String, CircuitBreaker.State> onTransition) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        destinations.forEach((name, destination) -> {
            CircuitBreaker breaker = registry.circuitBreaker(name, config(destination.breaker()));
            breaker.getEventPublisher().onStateTransition(
                    event -> onTransition.accept(name, event.getStateTransition().getToState()));
            Gauge.builder("sedx.delivery.breaker.state", breaker, DeliveryBreakers::gaugeValue)
                    .tag("destination", name)
                    .description("circuit breaker of a destination: 0 closed, 1 open, 2 half-open")
                    .register(meters);
            breakers.put(name, breaker);
        });
    }

    private static CircuitBreakerConfig config(Breaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }

    /** Whether an attempt to the destination may run now; if true, exactly one of the record calls must follow. */
    public boolean tryAcquire(String destination) {
        return breaker(destination).tryAcquirePermission();
    }

    public void recordSuccess(String destination, long durationMs) {
        breaker(destination).onSuccess(durationMs, TimeUnit.MILLISECONDS);
    }

    public void recordFailure(String destination, long durationMs, Throwable cause) {
        breaker(destination).onError(durationMs, TimeUnit.MILLISECONDS, cause);
    }

    /** Gives back a permission acquired for an attempt that never reached the platform. */
    public void release(String destination) {
        breaker(destination).releasePermission();
    }

    public CircuitBreaker.State state(String destination) {
        return breaker(destination).getState();
    }

    /** Every destination's breaker state, by name. */
    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        breakers.forEach((name, breaker) -> states.put(name, breaker.getState()));
        return states;
    }

    private CircuitBreaker breaker(String destination) {
        CircuitBreaker breaker = breakers.get(destination);
        if (breaker == null) {
            throw new IllegalArgumentException("no destination " + destination);
        }
        return breaker;
    }

    private static double gaugeValue(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 0;
        };
    }
}
