package cn.sedx.gateway.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health component {@code deliveryBreakers}: each destination's circuit-breaker state. A platform that is down
 * does not make the gateway unhealthy (its messages wait on their queue), so the status stays UP and the
 * details say which breakers are open.
 */
class DeliveryHealth implements HealthIndicator {

    private final DeliveryBreakers breakers;

    public DeliveryHealth(DeliveryBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        breakers.states().forEach((destination, state) -> health.withDetail(destination, state.name()));
        long open = breakers.states().values().stream().filter(s -> s == CircuitBreaker.State.OPEN).count();
        return health.withDetail("open", open).build();
    }
}
