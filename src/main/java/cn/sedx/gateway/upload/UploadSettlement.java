package cn.sedx.gateway.upload;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles runs from what delivery recorded: a run whose chunks are all cut and all ACKNOWLEDGED succeeds and
 * moves the watermark to its last filing (one transaction); a run with a dead-lettered chunk, or whose node
 * stopped reporting while cutting, fails and waits to be resumed. A dead-lettered chunk is judged only once the
 * run's node has finished cutting: a resumed run re-sends its dead-lettered chunks first, and judging it before
 * would fail it again on the very chunk it is about to replace. Safe on every node at once.
 */
public class UploadSettlement {

    private static final Logger log = LoggerFactory.getLogger(UploadSettlement.class);

    private final UploadRuns runs;
    private final TransactionTemplate transactions;
    private final UploadSettings settings;
    private final Clock clock;

    UploadSettlement(UploadRuns runs, TransactionTemplate transactions, UploadSettings settings, Clock clock) {
        this.runs = runs;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Settles every RUNNING run that can be settled. */
    public void settleAll() {
        runs.running().forEach(this::settle);
    }

    void settle(UploadRun run) {
        Instant now = clock.instant();
        UploadRuns.ChunkCounts counts = runs.counts(run.id());
        if (counts.failed() > 0 && run.producedAll()) {
            if (runs.fail(run.id(), counts.failed() + " chunk(s) dead-lettered by delivery", now)) {
                log.warn("upload run {} failed: {} of {} chunk(s) dead-lettered; trigger a run to resume it",
                        run.id(), counts.failed(), counts.sent());
            }
        } else if (run.producedAll() && counts.acknowledged() == counts.sent()) {
            if (Boolean.TRUE.equals(transactions.execute(status -> runs.succeed(run, now)))) {
                log.info("upload run {} succeeded: {} chunk(s), {} filing(s), {} record(s) acknowledged", run.id(),
                        counts.sent(), run.filingsDone(), run.records());
            }
        } else if (!run.producedAll() && run.heartbeatAt().isBefore(now.minus(settings.staleAfter()))) {
            if (runs.fail(run.id(), "abandoned: no progress since " + run.heartbeatAt(), now)) {
                log.warn("upload run {} failed: its node stopped reporting at {}", run.id(), run.heartbeatAt());
            }
        }
    }
}
