package cn.sedx.gateway.benchmark;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.intake.batch.BatchIntake;
import cn.sedx.gateway.intake.batch.Workbooks;
import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.intake.xlsx.SheetLayout;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Excel import benchmark (not a test): generates a personnel-filing workbook of {@code rows} rows (filings of four
 * persons, each unit its own credit code), starts the real gateway in this JVM (embedded H2 and Artemis, delivery
 * off, so the figure is the import: upload, streaming read, validation, store) and uploads it over HTTP to {@code
 * POST /api/v1/batches}, then waits for DONE. Twice: a clean workbook, and the same with one filing in
 * {@code bad-every} refused (an ID number stored as a number), which adds the error workbook. Prints wall time,
 * process CPU per row (every thread: HTTP, worker, sheet reader, GC, JIT), the worker thread's CPU per row, the heap
 * peak, and the progress lines the batch logged. Run it with {@code -Xmx256m}; see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [rows [bad-every [gateway arguments…]]]} (default 100000 and 100); gateway arguments such as
 * {@code --spring.datasource.url=jdbc:postgresql://…} are passed on.
 */
public final class XlsxImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PERSONS = 4;
    private static final int ROWS_PER_FILL = 1_000;

    private XlsxImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int badEvery = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createDirectories(Path.of("target", "bench-xlsx-" + UUID.randomUUID()).toAbsolutePath());
        Path clean = generate(dir.resolve("clean.xlsx"), rows / PERSONS, 0);
        Path mixed = generate(dir.resolve("mixed.xlsx"), rows / PERSONS, badEvery);
        System.out.printf("max heap %d MiB; workbooks of %d rows: %d and %d bytes%n",
                Runtime.getRuntime().maxMemory() >> 20, rows, Files.size(clean), Files.size(mixed));
        List<String> gateway = new ArrayList<>(List.of("--server.port=0", "--sedx.data-dir=" + dir,
                "--sedx.delivery.enabled=false", "--sedx.upload.enabled=false", "--sedx.batch.enabled=false",
                "--sedx.batch-uploads.max-upload-size=512MB", "--sedx.batch-uploads.progress-period=1s",
                "--logging.level.cn.sedx.gateway.intake.IntakeService=WARN"));
        gateway.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SedxApplication.class)
                .run(gateway.toArray(String[]::new))) {
            ProgressLines progress = ProgressLines.attach(); // after the start: Spring Boot resets logback
            Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort()).asProvince();
            measure("clean", http, clean, rows, progress);
            measure(String.format("1 in %d filings refused", badEvery), http, mixed, rows, progress);
        }
    }

    private static void measure(String name, Http http, Path file, int rows, ProgressLines progress)
            throws IOException, InterruptedException {
        System.gc();
        progress.count.set(0);
        HeapWatch heap = HeapWatch.watch();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long workerCpu = workerCpu(threads);
        long cpu = processCpu();
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.postFile("/api/v1/batches", file.getFileName().toString(),
                Files.readAllBytes(file));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = JSON.readTree(accepted.body()).path("batchId").asText();
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            done[0] = JSON.readTree(http.get("/api/v1/batches/" + id).body());
            return done[0].path("state").asText().matches("DONE|FAILED");
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.finish();
        double cpuPerRow = (processCpu() - cpu) / 1e3 / rows;
        double workerPerRow = (workerCpu(threads) - workerCpu) / 1e3 / rows;
        System.out.printf("%s: %s, %d records, %d accepted, %d refused, error workbook %s%n", name,
                done[0].path("state").asText(), done[0].path("records").asLong(), done[0].path("accepted").asLong(),
                done[0].path("refused").asLong(), done[0].at("/links/errorWorkbook").isMissingNode() ? "none"
                        : http.getBytes(done[0].at("/links/errorWorkbook").asText()).body().length + " bytes");
        System.out.printf("  %.1f s wall (%.0f rows/s); CPU per row %.0f µs (process), %.0f µs (worker thread); "
                + "heap used at most %d MiB, live after GC at most %d MiB; %d progress lines%n", seconds,
                rows / seconds, cpuPerRow, workerPerRow, heap.used >> 20, heap.live >> 20, progress.count.get());
    }

    /** A workbook of {@code filings} use-unit filings of four persons; every {@code badEvery}-th has an ID number. */
    static Path generate(Path file, int filings, int badEvery) throws IOException {
        SheetLayout layout = Layouts.PERSONNEL_FILING;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet(layout.sheetName());
            Row zh = sheet.createRow(0);
            Row en = sheet.createRow(1);
            for (int i = 0; i < layout.columns().size(); i++) {
                zh.createCell(i).setCellValue(layout.columns().get(i).header());
                en.createCell(i).setCellValue(layout.columns().get(i).name());
            }
            List<Map<String, Object>> chunk = new ArrayList<>();
            int next = SheetLayout.FIRST_DATA_ROW - 1;
            for (int f = 1; f <= filings; f++) {
                for (Map<String, Object> person : Workbooks.validUseUnit("F-" + f)) {
                    chunk.add(Workbooks.with(person, "unit.uscc", Uscc.numbered("440106", f)));
                }
                if (badEvery > 0 && f % badEvery == 0) {
                    chunk.set(chunk.size() - 3, Workbooks.with(chunk.get(chunk.size() - 3), "persons[].idNumber",
                            440106198207073023.0));
                }
                if (chunk.size() >= ROWS_PER_FILL || f == filings) {
                    Workbooks.fill(sheet, layout.columns(), next, chunk);
                    next += chunk.size();
                    chunk.clear();
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.dispose();
        }
        return file;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the batch-upload worker threads (they live as long as the gateway). */
    private static long workerCpu(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("batch-upload-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * Watches the heap while a batch runs: the most used (sampled every 10 ms, garbage included) and the most left
     * after any collection (the heap pools in the collectors' notifications: the live data the import holds).
     */
    private static final class HeapWatch extends Thread implements NotificationListener {
        private volatile boolean watching = true;
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private volatile long used;
        private volatile long live;

        static HeapWatch watch() {
            HeapWatch watch = new HeapWatch();
            watch.setDaemon(true);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(watch, null, null);
            }
            watch.start();
            return watch;
        }

        @Override
        public void run() {
            while (watching) {
                used = Math.max(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                LockSupport.parkNanos(10_000_000);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (watching && notification.getType().equals(GarbageCollectionNotificationInfo
                    .GARBAGE_COLLECTION_NOTIFICATION)) {
                long after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                live = Math.max(live, after);
            }
        }

        void finish() throws InterruptedException {
            watching = false;
            join();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Counts the batch intake's progress lines ("batch … from …: N rows, …"). */
    private static final class ProgressLines extends AppenderBase<ILoggingEvent> {
        final AtomicInteger count = new AtomicInteger();

        static ProgressLines attach() {
            ProgressLines appender = new ProgressLines();
            appender.setContext(((Logger) LoggerFactory.getLogger(BatchIntake.class)).getLoggerContext());
            appender.start();
            ((Logger) LoggerFactory.getLogger(BatchIntake.class)).addAppender(appender);
            return appender;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getMessage().startsWith("batch {} from {}: {} rows")) {
                count.incrementAndGet();
            }
        }
    }
}
