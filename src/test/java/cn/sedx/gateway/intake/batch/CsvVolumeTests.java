package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.shared.Violation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * A generated 100,000-row CSV (25,000 filings of four people) through the batch intake with a counting sink:
 * streamed one filing at a time, progress logged every 10,000 rows and one summary line at the end. The sink
 * stands in for the intake so the test measures the batch reader, not the database (the inbox tests run the
 * real intake).
 */
class CsvVolumeTests {

    private static final int ROWS = 100_000;
    private static final String HEADER = "填报编号,填报类型,生效日期,单位名称,统一社会信用代码,单位类型,行政区划代码,单位设备类别,"
            + "许可证编号,使用登记证编号,岗位,姓名,身份证号,手机号码,任命日期,证书编号,负责设备类别,负责设备代码";
    private static final String[] ROLES = {"主要负责人", "安全总监", "安全员", "安全员"};

    @TempDir
    Path inbox;

    @Test
    void processesAHundredThousandRowsStreamedWithProgressAndASummaryLine() throws IOException {
        Path file = generate(inbox.resolve("gd-province").resolve("people.csv"));
        CountingSink sink = new CountingSink();
        BatchSettings settings = new BatchSettings(true, inbox, java.time.Duration.ofSeconds(2),
                DataSize.ofMegabytes(12), 10_000, Map.of());
        ListAppender<ILoggingEvent> log = capture();

        BatchSummary summary = new BatchIntake(sink, settings).process(file, "gd-province");

        assertThat(summary.rows()).isEqualTo(ROWS);
        assertThat(summary.records()).isEqualTo(ROWS / 4);
        assertThat(summary.accepted()).isEqualTo(ROWS / 4);
        assertThat(summary.outcome()).isEqualTo("processed");
        assertThat(sink.submitted.get()).isEqualTo(ROWS / 4);
        assertThat(sink.largestBody.get()).isLessThan(4_096);
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(l -> l.matches(".*: \\d+ rows, .*"))
                .extracting(l -> l.replaceAll(".*: (\\d+) rows, .*", "$1"))
                .containsExactly("10000", "20000", "30000", "40000", "50000", "60000", "70000", "80000", "90000",
                        "100000");
        assertThat(lines).filteredOn(l -> l.contains("done in")).singleElement()
                .satisfies(l -> assertThat(l).contains("25000 records (100000 rows)", "-> processed/"));
        assertThat(String.join("\n", lines)).doesNotContain("110105194912310");
    }

    private static Path generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int row = 0; row < ROWS; row++) {
                int filing = row / 4;
                out.write("F-" + filing + ",首次,2026-11-01,示范物业" + filing + ",91440106MA5C12345N,使用,440106,3000,,"
                        + "梯11粤A" + filing + "," + ROLES[row % 4] + ",张伟,11010519491231002X,13800138000,2026-10-15,,"
                        + (row % 4 == 0 ? "" : "3000") + ",\n");
            }
        }
        return file;
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(BatchIntake.class)).addAppender(appender);
        return appender;
    }

    /** Accepts everything and remembers how much it was given. */
    private static final class CountingSink implements FilingSink {
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong largestBody = new AtomicLong();

        @Override
        public IntakeReceipt submit(Submission submission) {
            submitted.incrementAndGet();
            largestBody.accumulateAndGet(submission.body().length, Math::max);
            return new IntakeReceipt("id-" + submitted.get(), submission.type(), "RECEIVED", Instant.now(), false,
                    List.of());
        }

        @Override
        public List<Violation> check(Submission submission) {
            return List.of();
        }
    }
}
