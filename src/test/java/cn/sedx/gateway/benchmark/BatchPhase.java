package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.support.GatewayProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The batch-file phase: a CSV of {@code records} personnel filings (four people each, as the sample filing) dropped
 * into the Guangdong system's inbox, measured from the drop to the moment the simulators hold every one of them
 * (each ACKNOWLEDGED on its signed receipt).
 */
final class BatchPhase {

    private static final String HEADER = "填报编号,填报类型,生效日期,单位名称,统一社会信用代码,单位类型,行政区划代码,单位设备类别,"
            + "许可证编号,使用登记证编号,岗位,姓名,身份证号,手机号码,任命日期,证书编号,负责设备类别,负责设备代码";
    private static final List<String> PEOPLE = List.of(
            "主要负责人,陈建国,440106197503122016,13800138000,2023-06-01,,,",
            "安全总监,李明,440106198207073023,13912345678,2023-06-01,TS0844010620230001,3000;2000,",
            "安全员,王芳,440106199004151516,15012345678,2023-06-15,TS0844010620230002,3000,"
                    + "311044123201900001;311044123201900002",
            "安全员,张伟,440102199209202625,18698765432,2023-06-15,TS0844010620230003,2000,211044056201800123");

    private final GatewayProcess gateway;
    private final DeliveryBenchmark.Received received;
    private final Path dataDir;
    private final int records;
    private final boolean postgres;

    BatchPhase(GatewayProcess gateway, DeliveryBenchmark.Received received, Path dataDir, int records,
            boolean postgres) {
        this.postgres = postgres;
        this.gateway = gateway;
        this.received = received;
        this.dataDir = dataDir;
        this.records = records;
    }

    DeliveryBenchmark.Figures run() throws IOException {
        Path staging = dataDir.resolve("staging").resolve("night-batch.csv");
        write(staging);
        long mebibytes = Files.size(staging) >> 20;
        long before = received.total();
        Path inbox = dataDir.resolve("inbox").resolve("gd-province");
        Files.createDirectories(inbox);
        Measure measure = Measure.start(gateway, null, postgres);
        long dropped = System.nanoTime();
        Files.move(staging, inbox.resolve("night-batch.csv"));
        Files.createFile(inbox.resolve("night-batch.csv.done"));
        received.await(before + records, Duration.ofMinutes(60));
        double seconds = (System.nanoTime() - dropped) / 1e9;
        Measure.Spent spent = measure.stop();
        return floor -> {
            System.out.printf("%n== csv: %d records (%d rows, %d MiB) from drop to the last delivered in %.1f s:"
                    + " %.0f records/s%n", records, records * PEOPLE.size(), mebibytes, seconds, records / seconds);
            spent.print(records, floor);
        };
    }

    private void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int record = 0; record < records; record++) {
                String unit = "N-" + record + ",首次,2026-11-01,示范物业管理有限公司" + record + ",91440106MA59ABCDEX,使用,"
                        + "440106,3000;2000,,梯11粤A00001(19);梯11粤A00002(19);容1L粤A00123(18),";
                for (String person : PEOPLE) {
                    out.write(unit + person + "\n");
                }
            }
        }
    }
}
