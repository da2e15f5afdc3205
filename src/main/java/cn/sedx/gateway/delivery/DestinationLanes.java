package cn.sedx.gateway.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jms.core.JmsTemplate;

/**
 * The delivery lanes of every configured destination ({@code concurrent-consumers} each, so a destination keeps
 * that many attempts in flight, and one slow destination never holds up another's lanes). Started once the web
 * server runs (relative destination URLs are this gateway's own port); stopped before the broker and the database
 * close, each lane finishing and committing its batch. Also stopped when a later step of the start fails: Spring
 * then destroys the beans without stopping the started lifecycles, and lanes left running would keep the JVM alive.
 */
class DestinationLanes implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DestinationLanes.class);

    private final DeliverySettings settings;
    private final DeliveryRelay relay;
    private final DeliveryBreakers breakers;
    private final JmsTemplate jms;
    private final List<DestinationLane> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    DestinationLanes(DeliverySettings settings, DeliveryRelay relay, DeliveryBreakers breakers, JmsTemplate jms) {
        this.settings = settings;
        this.relay = relay;
        this.breakers = breakers;
        this.jms = jms;
    }

    @Override
    public synchronized void start() {
        settings.destinations().forEach((name, destination) -> {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sedx-lane-" + name + "-");
            for (int i = 0; i < destination.concurrentConsumers(); i++) {
                DestinationLane lane = new DestinationLane(name, settings.queueOf(name), relay, breakers, jms,
                        settings.lanes());
                lanes.add(lane);
                Thread thread = executor.createThread(lane);
                threads.add(thread);
                thread.start();
            }
        });
        log.info("delivery lanes started: {} for {} destination(s)", lanes.size(), settings.destinations().size());
    }

    @Override
    public synchronized void stop() {
        lanes.forEach(DestinationLane::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        lanes.clear();
        threads.clear();
    }

    @Override
    public void destroy() {
        stop();
    }

    @Override
    public synchronized boolean isRunning() {
        return !lanes.isEmpty();
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    /** After the web server (its phase is below this); stopped before it, and before the broker's beans close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
