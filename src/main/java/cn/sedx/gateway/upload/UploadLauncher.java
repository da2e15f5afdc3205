package cn.sedx.gateway.upload;

import cn.sedx.gateway.shared.DaemonThreads;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where runs start: the schedule runs one on its Quartz thread; an operator's trigger answers at once with the
 * opened run and cuts it on a background thread. Closing stops the background run (it is resumed later).
 */
public class UploadLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UploadLauncher.class);

    private final PersonnelUpload upload;
    private final ExecutorService background = Executors.newSingleThreadExecutor(DaemonThreads.named("upload-run-"));

    UploadLauncher(PersonnelUpload upload) {
        this.upload = upload;
    }

    /** The scheduled fire: opens (or resumes) a run and cuts it; skips when a run is already running. */
    public void scheduled() {
        UploadRun run;
        try {
            run = upload.begin("SCHEDULE", "scheduler", null);
        } catch (SedxException e) {
            if (e.code() != ErrorCode.UPLOAD_ALREADY_RUNNING) {
                throw e;
            }
            log.info("scheduled upload skipped: {}", e.getMessage());
            return;
        }
        upload.execute(run.id());
    }

    /**
     * An operator's trigger.
     *
     * @return the opened or resumed run, RUNNING
     * @throws SedxException UPLOAD_ALREADY_RUNNING
     */
    public UploadRun trigger(String operator, String reason) {
        UploadRun run = upload.begin("OPERATOR", operator, reason);
        background.execute(() -> upload.execute(run.id()));
        return run;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
