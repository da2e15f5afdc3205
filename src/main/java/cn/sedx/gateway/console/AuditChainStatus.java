package cn.sedx.gateway.console;

import cn.sedx.gateway.audit.AuditReport;
import cn.sedx.gateway.audit.AuditVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last check of the audit chain, for the overview: walking the whole chain costs seconds on a large trail, so
 * the overview shows the last result and starts a new check in the background when that result is older than
 * {@code sedx.console.audit-verify-every}; the audit page checks on demand.
 */
@Component
@ConsoleEnabled
class AuditChainStatus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditChainStatus.class);

    /** A check and when it finished. */
    record Checked(AuditReport report, Instant at) {}

    private final AuditVerifier verifier;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final AtomicReference<Checked> last = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "console-audit-check");
        thread.setDaemon(true);
        return thread;
    });

    AuditChainStatus(AuditVerifier verifier, ConsoleSettings settings, Clock clock) {
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
    }

    /** The last check, or null before the first; starts a background check when it is stale. */
    Checked lastChecked() {
        Checked checked = last.get();
        if ((checked == null || checked.at().plus(settings.auditVerifyEvery()).isBefore(clock.instant()))
                && running.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    verifyNow();
                } catch (RuntimeException e) {
                    log.warn("background audit-chain check failed: {}", e.toString());
                } finally {
                    running.set(false);
                }
            });
        }
        return checked;
    }

    /** Checks the whole chain now and keeps the result. */
    Checked verifyNow() {
        Checked checked = new Checked(verifier.verify(), clock.instant());
        last.set(checked);
        return checked;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
