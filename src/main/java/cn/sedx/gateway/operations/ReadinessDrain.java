package cn.sedx.gateway.operations;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping gateway does. On SIGTERM Spring Boot turns readiness to REFUSING_TRAFFIC (503 on
 * {@code /actuator/health/readiness}) and then stops the lifecycle beans, this one first: it waits
 * {@link OperationsSettings#drainDelay()} while every request is still served, so the load balancer takes the node
 * out before the web server stops accepting; then the web server drains its requests (graceful shutdown), Camel its
 * in-flight exchanges, and the broker and database close.
 */
@Component
class ReadinessDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

    private final Duration delay;
    private volatile boolean running;

    ReadinessDrain(OperationsSettings settings) {
        this.delay = settings.drainDelay();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (running && !delay.isZero()) {
            log.info("stopping: readiness is DOWN; still serving for {} so the load balancer drains this node", delay);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before every other lifecycle bean, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
