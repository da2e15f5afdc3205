package cn.sedx.gateway.metrics;

import cn.sedx.gateway.audit.AuditReport;
import cn.sedx.gateway.audit.AuditVerifier;
import cn.sedx.gateway.shared.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full audit-chain verification behind {@code sedx_audit_chain_intact}: it walks the whole chain, so it runs
 * in the background at most once per {@link MetricsSettings#auditCheckEvery()}, started by a scrape that finds the
 * last result too old; a scrape never waits for it.
 */
final class AuditChainCheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditChainCheck.class);

    private final AuditVerifier verifier;
    private final Duration every;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            DaemonThreads.named("sedx-audit-metrics-"));
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile AuditReport last;
    private volatile Instant lastAt;

    AuditChainCheck(AuditVerifier verifier, Duration every, Clock clock) {
        this.verifier = verifier;
        this.every = every;
        this.clock = clock;
    }

    /** 1 when the last verification found the chain intact, 0 when broken, NaN before the first one ends. */
    double intact() {
        startIfDue();
        AuditReport report = last;
        return report == null ? Double.NaN : report.intact() ? 1 : 0;
    }

    /** When the last verification ended, in seconds since the epoch, or NaN. */
    double checkedAt() {
        Instant at = lastAt;
        return at == null ? Double.NaN : at.getEpochSecond();
    }

    private void startIfDue() {
        Instant at = lastAt;
        if ((at == null || clock.instant().isAfter(at.plus(every))) && running.compareAndSet(false, true)) {
            worker.execute(this::verify);
        }
    }

    private void verify() {
        try {
            AuditReport report = verifier.verify();
            if (!report.intact()) {
                log.error("audit chain broken at {}: {}", report.firstBrokenSeq(), report.problem());
            }
            last = report;
            lastAt = clock.instant();
        } catch (RuntimeException e) {
            log.warn("audit chain could not be verified for the metrics: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
