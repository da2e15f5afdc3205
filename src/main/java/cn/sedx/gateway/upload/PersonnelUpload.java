package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, resumes and runs the national upload of personnel. A run covers the filings after the watermark up
 * to the newest one accepted {@code settleLag} ago; one run is open at a time in a cluster (the watermark row is
 * locked while a run starts). Starting while a run is FAILED, or RUNNING on a node that went quiet, resumes
 * that run: chunks whose message was dead-lettered are cut again over the same range and sent as new messages,
 * acknowledged and in-flight chunks are left alone, and cutting continues after the last recorded chunk.
 * {@link UploadSettlement} finishes runs once delivery has acknowledged their chunks.
 */
class PersonnelUpload {

    private static final Logger log = LoggerFactory.getLogger(PersonnelUpload.class);

    private final UploadRuns runs;
    private final MessageScan scan;
    private final ChunkProducer producer;
    private final ChunkRecorder recorder;
    private final UploadSettlement settlement;
    private final TransactionTemplate transactions;
    private final UploadSettings settings;
    private final Clock clock;

    PersonnelUpload(UploadRuns runs, MessageScan scan, ChunkProducer producer, ChunkRecorder recorder,
            UploadSettlement settlement, TransactionTemplate transactions, UploadSettings settings, Clock clock) {
        this.runs = runs;
        this.scan = scan;
        this.producer = producer;
        this.recorder = recorder;
        this.settlement = settlement;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens a run (or resumes the open one) and records who asked.
     *
     * @param trigger SCHEDULE or OPERATOR
     * @throws SedxException UPLOAD_ALREADY_RUNNING when a run is RUNNING on a live node
     */
    public UploadRun begin(String trigger, String actor, String reason) {
        return transactions.execute(status -> {
            ScanKey watermark = runs.lockWatermark();
            Instant now = clock.instant();
            UploadRun open = runs.unfinished().orElse(null);
            if (open != null) {
                if (!runs.resume(open.id(), now, now.minus(settings.staleAfter()))) {
                    throw new SedxException(ErrorCode.UPLOAD_ALREADY_RUNNING, "upload run " + open.id()
                            + " is running");
                }
                log.info("upload run {} resumed ({} by {}), attempt {}", open.id(), trigger, actor,
                        open.attempts() + 1);
                return runs.find(open.id()).orElseThrow();
            }
            ScanKey to = scan.lastKey(MessageType.PERSONNEL_FILING, now.minus(settings.settleLag()));
            if (to != null && to.compareTo(watermark) <= 0) {
                to = null;
            }
            long total = to == null ? 0 : scan.count(MessageType.PERSONNEL_FILING, watermark, to);
            UploadRun run = new UploadRun(UUID.randomUUID().toString(), UploadRun.RUNNING, trigger, actor, reason,
                    watermark, to, total, 0, 0, false, 1, now, now, null, null);
            runs.insert(run);
            log.info("upload run {} started ({} by {}): {} filing(s) after the watermark", run.id(), trigger, actor,
                    total);
            return run;
        });
    }

    /** Cuts, signs and hands to delivery what the run still needs; marks the run FAILED on any error. */
    public void execute(String runId) {
        UploadRun run = runs.find(runId).orElseThrow();
        try {
            resendDeadLettered(run);
            produceRest(run);
            runs.producedAll(runId, clock.instant());
            settlement.settle(runs.find(runId).orElseThrow());
        } catch (ChunkProducer.Stopped e) {
            log.info("upload run {} stopped: it is no longer RUNNING on this node", runId);
        } catch (RuntimeException e) {
            log.warn("upload run {} failed: {}", runId, e.toString());
            runs.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    private void resendDeadLettered(UploadRun run) {
        for (UploadRuns.ChunkRow chunk : runs.chunks(run.id())) {
            if ("FAILED".equals(chunk.messageState())) {
                producer.produce(run.id(), chunk.after(), chunk.last(), chunk.seq(), true,
                        (cut, messageId, signed) -> recorder.replace(run.id(), chunk, messageId, signed),
                        skip -> skipped(run, skip));
                log.info("upload run {}: chunk {} re-sent after its dead-lettered message {}", run.id(),
                        chunk.seq(), chunk.messageId());
            }
        }
    }

    private void produceRest(UploadRun run) {
        if (run.to() == null) {
            return;
        }
        List<UploadRuns.ChunkRow> chunks = runs.chunks(run.id());
        ScanKey after = chunks.isEmpty() ? run.from() : chunks.get(chunks.size() - 1).last();
        Progress progress = new Progress(run, chunks.stream().mapToLong(UploadRuns.ChunkRow::filings).sum(),
                chunks.stream().mapToLong(UploadRuns.ChunkRow::records).sum(), chunks.size());
        producer.produce(run.id(), after, run.to(), chunks.size() + 1, false, (chunk, messageId, signed) -> {
            progress.add(chunk);
            return recorder.record(run.id(), chunk, messageId, signed, progress.filings, progress.records);
        }, skip -> skipped(run, skip));
    }

    /** Records a filing the run leaves out (once per run, however often the range is cut again). */
    private void skipped(UploadRun run, SkippedFiling skip) {
        if (runs.recordSkip(run.id(), skip, clock.instant())) {
            log.warn("upload run {}: filing {} left out, {}: {}", run.id(), skip.messageId(), skip.code(),
                    skip.reason());
        }
    }

    /** The progress of one run on this node; logs every 10 %. */
    private static final class Progress {

        private final UploadRun run;
        private long filings;
        private long records;
        private int chunks;
        private int loggedTenths;

        Progress(UploadRun run, long filings, long records, int chunks) {
            this.run = run;
            this.filings = filings;
            this.records = records;
            this.chunks = chunks;
            this.loggedTenths = tenths();
        }

        void add(Chunk chunk) {
            filings += chunk.filings();
            records += chunk.records();
            chunks++;
            int now = tenths();
            if (now > loggedTenths) {
                loggedTenths = now;
                log.info("upload run {}: {}% ({} of {} filings, {} records, {} chunks)", run.id(), now * 10,
                        filings, run.totalFilings(), records, chunks);
            }
        }

        private int tenths() {
            return run.totalFilings() == 0 ? 10 : (int) (filings * 10 / run.totalFilings());
        }
    }
}
