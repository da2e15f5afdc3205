package cn.sedx.gateway.metrics;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each destination's deliveries stand, read from the database and the broker: what the gauges
 * {@code sedx_destination_*} show and what an operator's overview needs. Figures are cached for
 * {@link MetricsSettings#cacheFor()}, so any number of readers costs the database two indexed queries per period.
 * Thread-safe.
 */
@Component
class DestinationStatus {

    private static final Logger log = LoggerFactory.getLogger(DestinationStatus.class);

    /**
     * One destination's backlog.
     *
     * @param queueDepth        messages on the destination's queue (scheduled retries included); null when the
     *                          broker cannot be asked
     * @param undelivered       deliveries queued, sent or replayed and not yet acknowledged or dead-lettered
     * @param oldestUndelivered age of the oldest undelivered filing, counted from its acceptance; zero when none
     * @param deadLetters       deliveries dead-lettered (FAILED) and not replayed since
     */
    public record Figures(String destination, Long queueDepth, long undelivered, Duration oldestUndelivered,
            long deadLetters) {}

    private final JdbcClient jdbc;
    private final BrokerQueues broker;
    private final Clock clock;
    private final Set<String> configured;
    private final String queuePrefix;
    private final Cached<List<Figures>> figures;
    private volatile boolean brokerFailing;

    public DestinationStatus(JdbcClient jdbc, ConnectionFactory connections, Environment environment,
            MetricsSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.broker = new BrokerQueues(connections, settings.brokerTimeout());
        this.clock = clock;
        this.configured = new TreeSet<>(Binder.get(environment)
                .bind("sedx.delivery.destinations", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).keySet());
        this.queuePrefix = environment.getProperty("sedx.delivery.queue-prefix", "sedx.delivery.");
        this.figures = new Cached<>(this::read, settings.cacheFor(), clock);
    }

    /** Every configured destination, and any other that still has deliveries on record, sorted by name. */
    public List<Figures> destinations() {
        return figures.get();
    }

    public Optional<Figures> of(String destination) {
        return destinations().stream().filter(f -> f.destination().equals(destination)).findFirst();
    }

    /** The configured destination names and those on record, sorted; read without the cache. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(configured);
        names.addAll(jdbc.sql("SELECT DISTINCT destination FROM delivery").query(String.class).list());
        return names;
    }

    private List<Figures> read() {
        Instant now = clock.instant();
        Map<String, long[]> undelivered = new HashMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        jdbc.sql("SELECT d.destination, COUNT(*), MIN(m.received_at) FROM delivery d JOIN message m"
                        + " ON m.id = d.message_id WHERE d.state IN ('QUEUED', 'SENT', 'REPLAYED') GROUP BY d.destination")
                .query(rs -> {
                    undelivered.put(rs.getString(1), new long[] {rs.getLong(2)});
                    Timestamp first = rs.getTimestamp(3);
                    if (first != null) {
                        oldest.put(rs.getString(1), first.toInstant());
                    }
                });
        Map<String, Long> dead = new HashMap<>();
        jdbc.sql("SELECT destination, COUNT(*) FROM delivery WHERE state = 'FAILED' GROUP BY destination")
                .query(rs -> {
                    dead.put(rs.getString(1), rs.getLong(2));
                });
        Set<String> names = new TreeSet<>(configured);
        names.addAll(undelivered.keySet());
        names.addAll(dead.keySet());
        Map<String, Long> depths = depths(names);
        return names.stream().map(name -> new Figures(name, depths.get(queuePrefix + name),
                undelivered.getOrDefault(name, new long[1])[0],
                age(oldest.get(name), now),
                dead.getOrDefault(name, 0L))).toList();
    }

    private static Duration age(Instant since, Instant now) {
        return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }

    private Map<String, Long> depths(Set<String> names) {
        try {
            Map<String, Long> depths = broker.depths(names.stream().map(name -> queuePrefix + name).toList());
            if (brokerFailing) {
                log.info("queue depths readable again from the broker");
                brokerFailing = false;
            }
            return depths;
        } catch (JMSException | RuntimeException e) {
            if (!brokerFailing) {
                log.warn("queue depths unreadable from the broker ({}); sedx_destination_queue_depth is NaN until it"
                        + " answers", e.toString());
                brokerFailing = true;
            }
            return Map.of();
        }
    }
}
