package cn.sedx.gateway.metrics;

import cn.sedx.gateway.shared.MessageType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The gateway's own event metrics (Prometheus names {@code sedx_*}, listed in docs/operations.md): what the
 * features call when a filing arrives, a delivery attempt ends or a filing is delivered. Thread-safe and cheap:
 * Micrometer caches each meter by its name and tags. The tag values come from closed sets (message types,
 * channels, configured destinations, outcomes), so the number of series stays small.
 */
@Component
public class GatewayMetrics {

    /** Counter: filings a channel handed to the intake, by {@code type}, {@code channel} and {@code outcome}. */
    public static final String FILINGS_RECEIVED = "sedx.filings.received";
    /** Timer with histogram: delivery attempts by {@code destination} and {@code outcome}. */
    public static final String DELIVERY_ATTEMPT = "sedx.delivery.attempt";
    /** Timer with histogram: from a filing's 202 to its destination's verified receipt, by {@code type}. */
    public static final String DELIVERY_END_TO_END = "sedx.delivery.end.to.end";

    private static final Duration[] ATTEMPT_BUCKETS = buckets(50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000);
    private static final Duration[] END_TO_END_BUCKETS = buckets(500, 1_000, 2_500, 5_000, 15_000, 60_000, 300_000,
            900_000, 3_600_000, 21_600_000, 86_400_000);

    /** What became of a filing a channel handed in. */
    public enum Intake {
        /** Stored (RECEIVED) and answered 202. */
        ACCEPTED,
        /** A repeat of an accepted filing (same idempotency key and body): answered with the first answer. */
        REPEATED,
        /** Refused with a problem (validation, jurisdiction, idempotency conflict …). */
        REFUSED
    }

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one filing handed to the intake by {@code channel} (REST, SOAP, BATCH). */
    public void received(MessageType type, String channel, Intake outcome) {
        Counter.builder(FILINGS_RECEIVED)
                .description("Filings handed to the intake, by type, channel and outcome")
                .tag("type", type.name())
                .tag("channel", channel)
                .tag("outcome", label(outcome.name()))
                .register(registry)
                .increment();
    }

    /**
     * Records one delivery attempt to {@code destination} that took {@code duration} (transform, sign, send and
     * receipt check).
     *
     * @param outcome the attempt's outcome as the delivery log records it: ACKNOWLEDGED, RETRY, EXPIRED,
     *                DEAD_LETTERED (written lower-case as the {@code outcome} tag)
     */
    public void attempt(String destination, String outcome, Duration duration) {
        Timer.builder(DELIVERY_ATTEMPT)
                .description("Delivery attempts by destination and outcome")
                .tag("destination", destination)
                .tag("outcome", label(outcome))
                .serviceLevelObjectives(ATTEMPT_BUCKETS)
                .register(registry)
                .record(duration);
    }

    /** Records that a filing of {@code type} reached every destination {@code endToEnd} after it was accepted. */
    public void delivered(MessageType type, Duration endToEnd) {
        Timer.builder(DELIVERY_END_TO_END)
                .description("From acceptance (202) to the destination's verified receipt, by message type")
                .tag("type", type.name())
                .serviceLevelObjectives(END_TO_END_BUCKETS)
                .register(registry)
                .record(endToEnd);
    }

    private static String label(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static Duration[] buckets(long... millis) {
        Duration[] buckets = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            buckets[i] = Duration.ofMillis(millis[i]);
        }
        return buckets;
    }
}
