package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.DaemonThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Processes this node's uploaded batches on a bounded executor ({@code workers} threads; a kick while all are busy
 * is dropped, since a busy worker takes the next QUEUED batch when it is done). The database is the queue, so a
 * batch waits there however many arrive. On start, batches a stop or crash left RUNNING are queued again and
 * resumed: their records already stored answer as repeated. On stop, running batches stop between two records and
 * stay RUNNING for the next start.
 */
@Component
class BatchWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchWorkers.class);

    private final BatchUploadStore store;
    private final BatchIntake intake;
    private final BatchUploadSettings settings;
    private final Clock clock = Clock.systemUTC();
    private ThreadPoolExecutor executor;
    private volatile boolean running;

    BatchWorkers(BatchUploadStore store, BatchIntake intake, BatchUploadSettings settings) {
        this.store = store;
        this.intake = intake;
        this.settings = settings;
    }

    /** Wakes the workers to take queued batches. */
    void kick() {
        if (!running) {
            return;
        }
        for (int i = 0; i < settings.workers(); i++) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        for (Optional<BatchUpload> next = claim(); next.isPresent(); next = claim()) {
            process(next.get());
        }
    }

    private Optional<BatchUpload> claim() {
        return running ? store.claimNext(settings.node(), clock.instant()) : Optional.empty();
    }

    private void process(BatchUpload batch) {
        var file = settings.folder().resolve(batch.id()).resolve(batch.fileName());
        log.info("batch {} of {}: processing {} ({} bytes)", batch.id(), batch.submittingSystem(), batch.fileName(),
                batch.sizeBytes());
        try {
            BatchSummary summary = intake.process(file, batch.submittingSystem(), progress(batch.id()));
            store.finish(batch.id(), summary, clock.instant());
        } catch (Stopped stopped) {
            log.info("batch {} stopped after {} records: resumed at the next start", batch.id(), stopped.records);
        } catch (Exception e) {
            log.warn("batch {} could not be processed: {}", batch.id(), e.toString());
            store.fail(batch.id(), "BATCH_FILE_UNREADABLE: " + e.getClass().getSimpleName(), clock.instant());
        }
    }

    private BatchProgress progress(String id) {
        long period = settings.progressPeriod().toNanos();
        long[] last = {System.nanoTime()};
        return (records, accepted, refused, checkOnly) -> {
            if (!running) {
                throw new Stopped(records);
            }
            long now = System.nanoTime();
            if (now - last[0] >= period) {
                last[0] = now;
                store.progress(id, records, checkOnly ? 0 : accepted, refused, Instant.now(clock));
            }
        };
    }

    @Override
    public void start() {
        executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.workers()), DaemonThreads.named("batch-upload-"),
                new ThreadPoolExecutor.DiscardPolicy());
        running = true;
        int resumed = store.requeueInterrupted(settings.node(), clock.instant());
        if (resumed > 0) {
            log.info("{} uploaded batch(es) interrupted by a stop are queued again", resumed);
        }
        kick();
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Thrown from the progress callback when the node stops: the batch stays RUNNING and is resumed. */
    private static final class Stopped extends RuntimeException {
        private final long records;

        Stopped(long records) {
            super(null, null, false, false);
            this.records = records;
        }
    }
}
