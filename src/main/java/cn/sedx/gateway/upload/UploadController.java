package cn.sedx.gateway.upload;

import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.audit.OperatorReason;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators trigger the national personnel upload and, with auditors, follow its runs. */
@RestController
class UploadController {

    static final String ACTION = "UPLOAD_TRIGGERED";
    /** How many left-out filings a run's view lists (all are counted). */
    static final int SKIPPED_SHOWN = 100;

    private final UploadLauncher launcher;
    private final UploadRuns runs;
    private final AuditTrail audit;

    UploadController(UploadLauncher launcher, UploadRuns runs, AuditTrail audit) {
        this.launcher = launcher;
        this.runs = runs;
        this.audit = audit;
    }

    @PostMapping("/api/v1/admin/uploads/personnel/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView run(@RequestBody(required = false) OperatorReason request) {
        String reason = OperatorReason.required(request);
        String operator = Callers.current().map(Caller::id)
                .orElseThrow(() -> new SedxException(ErrorCode.UNAUTHENTICATED, "no operator"));
        UploadRun run = launcher.trigger(operator, reason);
        audit.record(operator, ACTION, null, "personnel upload run " + run.id() + ": " + reason);
        return view(run);
    }

    @GetMapping("/api/v1/admin/uploads")
    Uploads list(@RequestParam(defaultValue = "20") int limit) {
        int bounded = Math.max(1, Math.min(limit, 200));
        return new Uploads(runs.watermark(), runs.recent(bounded).stream().map(this::view).toList());
    }

    private RunView view(UploadRun run) {
        UploadRuns.ChunkCounts counts = runs.counts(run.id());
        long skipped = runs.skippedCount(run.id());
        List<Skipped> shown = runs.skipped(run.id(), SKIPPED_SHOWN).stream()
                .map(s -> new Skipped(s.messageId(), s.key().receivedAt(), s.code().name(), s.reason())).toList();
        return new RunView(run.id(), run.state(), run.trigger(), run.actor(), run.reason(), run.startedAt(),
                run.finishedAt(), run.attempts(), counts.sent(), counts.acknowledged(), counts.failed(),
                run.totalFilings(), run.filingsDone(), run.records(), run.progress(skipped), run.from(), run.to(),
                run.error(), skipped, shown);
    }

    /**
     * @param watermark the last filing an acknowledged run uploaded ({@code 1970-01-01T00:00:00Z} and an empty id
     *                  before the first)
     * @param runs      the newest runs first
     */
    record Uploads(ScanKey watermark, List<RunView> runs) {}

    /**
     * A run as the API shows it.
     *
     * @param chunksSent         chunks cut, signed and handed to delivery
     * @param chunksAcknowledged chunks whose receipt from the national platform verified
     * @param chunksFailed       chunks dead-lettered (the run is FAILED until resumed)
     * @param progress           percentage of the run's filings cut into chunks or left out
     * @param filingsSkipped     filings left out because they cannot be written as batch XML
     * @param skipped            the first {@value #SKIPPED_SHOWN} of them, oldest first
     */
    record RunView(String id, String state, String trigger, String actor, String reason, Instant startedAt,
            Instant finishedAt, int attempts, int chunksSent, int chunksAcknowledged, int chunksFailed,
            long totalFilings, long filings, long records, int progress, ScanKey from, ScanKey upTo,
            String error, long filingsSkipped, List<Skipped> skipped) {}

    /**
     * A filing a run left out.
     *
     * @param reason why, masked; never the filing's text
     */
    record Skipped(String messageId, Instant receivedAt, String code, String reason) {}
}
