package cn.sedx.gateway.metrics;

import cn.sedx.gateway.signing.SigningKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's gauges, computed when Prometheus scrapes (figures cached for {@link MetricsSettings#cacheFor()}):
 * per destination the queue depth, undelivered deliveries, the oldest one's age and the dead letters; the intake
 * outbox; replays and the national upload; days to each signing certificate's expiry; the audit chain. A figure
 * that cannot be read (database or broker down) is NaN, never a stale number.
 */
final class GatewayGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(GatewayGauges.class);

    private final DestinationStatus destinations;
    private final GatewayFigures figures;
    private final AuditChainCheck audit;
    private final SigningKeys keys;
    private final Clock clock;

    GatewayGauges(DestinationStatus destinations, GatewayFigures figures, AuditChainCheck audit, SigningKeys keys,
            Clock clock) {
        this.destinations = destinations;
        this.figures = figures;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : destinations.names()) {
            destination(registry, name, "sedx.destination.queue.depth", "Messages on the destination's queue",
                    null, f -> f.queueDepth() == null ? Double.NaN : f.queueDepth());
            destination(registry, name, "sedx.destination.undelivered", "Deliveries not yet acknowledged or dead-lettered",
                    null, DestinationStatus.Figures::undelivered);
            destination(registry, name, "sedx.destination.oldest.undelivered", "Age of the oldest undelivered filing",
                    "seconds", f -> f.oldestUndelivered().toMillis() / 1000.0);
            destination(registry, name, "sedx.destination.dead.letters", "Dead-lettered deliveries not replayed",
                    null, DestinationStatus.Figures::deadLetters);
        }
        gauge(registry, "sedx.intake.outbox.pending", "Filings accepted and not yet routed", null,
                s -> s.outboxPending());
        gauge(registry, "sedx.intake.outbox.oldest", "Age of the oldest filing not yet routed", "seconds",
                s -> age(s.outboxOldest()));
        gauge(registry, "sedx.replay.running", "Operator replays not finished", null, s -> s.replaysRunning());
        gauge(registry, "sedx.replay.pending", "Messages running replays have still to re-queue", null,
                s -> s.replayItemsPending());
        gauge(registry, "sedx.upload.running", "National upload runs in progress", null, s -> s.uploadsRunning());
        gauge(registry, "sedx.upload.progress", "Share of the newest upload run's filings done (0 to 1)", "ratio",
                s -> s.uploadProgress());
        gauge(registry, "sedx.upload.last.failed", "1 when the newest upload run failed", null,
                s -> s.lastUploadFailed() ? 1 : 0);
        gauge(registry, "sedx.upload.last.success", "When an upload run last succeeded (epoch)", "seconds",
                s -> epoch(s.lastUploadSuccess()));
        gauge(registry, "sedx.audit.chain.sealed", "Entries sealed into the audit chain", null, s -> s.auditSealed());
        gauge(registry, "sedx.audit.chain.unsealed", "Audit entries not yet sealed", null, s -> s.auditUnsealed());
        gauge(registry, "sedx.audit.head.signed", "When the audit chain's head was last signed (epoch)", "seconds",
                s -> epoch(s.lastHeadSigned()));
        Gauge.builder("sedx.audit.chain.intact", audit, AuditChainCheck::intact)
                .description("1 when the last full verification found the audit chain intact, 0 when broken")
                .register(registry);
        Gauge.builder("sedx.audit.chain.checked", audit, AuditChainCheck::checkedAt).baseUnit("seconds")
                .description("When the audit chain was last verified in full (epoch)").register(registry);
        keys.certificates().forEach((name, certificate) -> Gauge.builder("sedx.signing.certificate.expiry", certificate,
                        this::daysLeft)
                .description("Days until the signing key's certificate expires (negative once expired)")
                .baseUnit("days").tag("key", name).register(registry));
    }

    private void destination(MeterRegistry registry, String name, String metric, String description, String unit,
            ToDoubleFunction<DestinationStatus.Figures> value) {
        Gauge.builder(metric, destinations, status -> read(() -> status.of(name)
                        .map(value::applyAsDouble).orElse(Double.NaN)))
                .description(description).baseUnit(unit).tag("destination", name).register(registry);
    }

    private void gauge(MeterRegistry registry, String metric, String description, String unit,
            Function<GatewayFigures.Snapshot, Number> value) {
        Gauge.builder(metric, figures, f -> read(() -> value.apply(f.snapshot()).doubleValue()))
                .description(description).baseUnit(unit).register(registry);
    }

    private double daysLeft(X509Certificate certificate) {
        return Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).toMinutes() / 1440.0;
    }

    private double age(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private static double epoch(Instant at) {
        return at == null ? Double.NaN : at.getEpochSecond();
    }

    private static double read(java.util.function.DoubleSupplier figure) {
        try {
            return figure.getAsDouble();
        } catch (RuntimeException e) {
            log.debug("gauge figure unreadable", e);
            return Double.NaN;
        }
    }
}
