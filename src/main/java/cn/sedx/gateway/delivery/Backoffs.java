package cn.sedx.gateway.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The backoff of each destination, built once from its retry settings. Thread-safe. */
class Backoffs {

    private final Map<String, Backoff> byDestination = new ConcurrentHashMap<>();

    public Backoff of(String name, DeliverySettings.Destination destination) {
        return byDestination.computeIfAbsent(name,
                n -> new Backoff(destination.retry(), () -> ThreadLocalRandom.current().nextDouble()));
    }
}
