package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.PayloadCipher;
import cn.sedx.gateway.upload.UploadPipeline;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the national upload (a main class, not a test; see docs/benchmarks.md for the command): fills an
 * H2 file store with synthetic personnel filings of three persons each (once; later runs reuse it), then times
 * the filings being read in key order, written as batch XML, cut into chunks and signed (SM2/SM3) as exchange
 * packages. Mode {@code produce} discards the signed chunks; mode {@code run} does a whole upload run, storing
 * each chunk as a PERSONNEL_BATCH message with its bookkeeping, as the gateway does.
 *
 * <p>Stored payloads are sealed with SM4-GCM as the gateway stores them (a fixed benchmark key), unless the
 * fourth argument is {@code clear}; each kind of store has its folder.
 *
 * <p>Arguments: {@code [filings=1000000] [mode=produce|run] [folder=target/upload-benchmark[-clear]]
 * [payloads=sm4|clear]}.
 */
public final class UploadBenchmark {

    private static final int PERSONS = 3;
    private static PayloadCipher cipher = benchmarkCipher();

    private UploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int filings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String mode = args.length > 1 ? args[1] : "produce";
        boolean clear = args.length > 3 && args[3].equals("clear");
        cipher = clear ? PayloadCipher.off() : benchmarkCipher();
        Path folder = Path.of(args.length > 2 && !args[2].isEmpty() ? args[2]
                : clear ? "target/upload-benchmark-clear" : "target/upload-benchmark").toAbsolutePath();
        try (HikariDataSource dataSource = dataSource(folder)) {
            // outOfOrder: a store filled before a lower-numbered migration landed can still be reused
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            fill(dataSource, jdbc, filings);
            resetRuns(jdbc);
            measure(dataSource, mode, filings);
        }
    }

    private static void measure(HikariDataSource dataSource, String mode, int filings) {
        UploadPipeline pipeline = new UploadPipeline(dataSource, cipher, Clock.systemUTC());
        long cpuBefore = cpuNanos();
        long started = System.nanoTime();
        UploadPipeline.Produced produced = mode.equals("run") ? pipeline.run() : pipeline.produce();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        double seconds = took.toMillis() / 1000.0;
        System.out.printf("mode=%s filings=%d records=%d chunks=%d packages=%.1f MiB%n", mode, filings,
                produced.records(), produced.chunks(), produced.bytes() / 1048576.0);
        System.out.printf("elapsed=%.1f s  records/s=%.0f  cpu=%.1f s  heapPeak=%.0f MiB  maxHeap=%.0f MiB%n",
                seconds, produced.records() / seconds, (cpuNanos() - cpuBefore) / 1e9, heapPeakMiB(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }


    private static void fill(HikariDataSource dataSource, JdbcClient jdbc, int filings) throws Exception {
        long present = jdbc.sql("SELECT COUNT(*) FROM message WHERE type = 'PERSONNEL_FILING'").query(Long.class)
                .single();
        if (present >= filings) {
            System.out.printf("store holds %d filings; reusing it%n", present);
            return;
        }
        long started = System.nanoTime();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO message (id, type, state, submitting_system, channel, unit_uscc, region_code,"
                        + " body_sha256, payload_size, received_at, updated_at)"
                        + " VALUES (?, 'PERSONNEL_FILING', 'ACKNOWLEDGED', 'bench', 'REST', ?, '440106',"
                        + " ?, ?, ?, ?)");
                PreparedStatement payloads = connection.prepareStatement(
                        "INSERT INTO message_payload (message_id, payload) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            for (long i = present; i < filings; i++) {
                byte[] payload = filing(i);
                Timestamp at = Timestamp.from(base.plusMillis(i * 10));
                String id = MessageStore.newId();
                insert.setString(1, id);
                insert.setString(2, String.format("9144010600%08d", i));
                insert.setString(3, "0".repeat(64));
                insert.setLong(4, payload.length);
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.addBatch();
                payloads.setString(1, id);
                payloads.setBytes(2, cipher.seal(id, payload));
                payloads.addBatch();
                if ((i + 1) % 1000 == 0) {
                    insert.executeBatch();
                    payloads.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            payloads.executeBatch();
            connection.commit();
        }
        System.out.printf("filled the store with %d filings in %.0f s%n", filings - present,
                (System.nanoTime() - started) / 1e9);
    }

    /** SM4-GCM under a fixed key, so a store filled once is read by every later run. */
    static PayloadCipher benchmarkCipher() {
        byte[] key = java.util.Arrays.copyOf("sedx-upload-benchmark".getBytes(StandardCharsets.US_ASCII), 16);
        return PayloadCipher.of("bench", java.util.Map.of("bench", key));
    }

    /** A use unit with its principal, director and one officer (three person records). */
    static byte[] filing(long n) {
        String id = String.format("%08d", n);
        return ("{\"filingKind\":\"INITIAL\",\"effectiveDate\":\"2026-11-01\",\"unit\":{\"name\":\"广州天河城市物业管理有限公司第"
                + id + "分公司\",\"uscc\":\"9144010600" + id + "\",\"unitKind\":\"USE\",\"regionCode\":\"440106\","
                + "\"equipmentCategories\":[\"3000\",\"2000\"],\"useRegistrationNumbers\":[\"梯11粤A" + id
                + "(19)\",\"容1L粤A" + id + "(18)\"]},\"persons\":["
                + person("PRINCIPAL", "陈建国", id, "1975", null, null)
                + "," + person("SAFETY_DIRECTOR", "李明", id, "1982", "TS08440106" + id, null)
                + "," + person("SAFETY_OFFICER", "王芳", id, "1990", "TS08440106" + id,
                        "\"equipmentCategories\":[\"3000\",\"2000\"],\"responsibleDeviceCodes\":[\"31104401100012023"
                                + (n % 10) + "\"]")
                + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String person(String role, String name, String id, String born, String certificate,
            String extra) {
        return "{\"role\":\"" + role + "\",\"name\":\"" + name + "\",\"idNumber\":\"440106" + born + "0101"
                + id.substring(5) + "X\",\"mobile\":\"138" + id + "\",\"appointedOn\":\"2023-06-01\""
                + (certificate == null ? "" : ",\"certificateNumber\":\"" + certificate + "\"")
                + (extra == null ? "" : "," + extra) + "}";
    }

    private static void resetRuns(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM upload_chunk").update();
        jdbc.sql("DELETE FROM upload_run").update();
        for (String table : List.of("message_state", "message_payload")) {
            // a run stores each chunk as a message with its payload; a later run starts from none
            jdbc.sql("DELETE FROM " + table + " WHERE message_id IN"
                            + " (SELECT id FROM message WHERE type = 'PERSONNEL_BATCH')")
                    .update();
        }
        jdbc.sql("DELETE FROM message WHERE type = 'PERSONNEL_BATCH'").update();
        jdbc.sql("UPDATE upload_watermark SET received_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', id = ''")
                .update();
    }

    private static HikariDataSource dataSource(Path folder) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("sedx")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double heapPeakMiB() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        return pools.stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
    }
}
