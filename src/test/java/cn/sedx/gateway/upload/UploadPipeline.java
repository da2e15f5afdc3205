package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.PayloadCipher;
import cn.sedx.gateway.messagestore.RowClaims;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The national upload's parts (package-private) put together by hand, outside Spring, for
 * {@code cn.sedx.gateway.benchmark.UploadBenchmark}: either the chunks produced and signed and then discarded, or a
 * whole run that stores each chunk as a PERSONNEL_BATCH message with its bookkeeping, as the gateway does.
 */
public final class UploadPipeline {

    /** What a pass produced: chunks, person records in them and bytes of signed packages. */
    public record Produced(long chunks, long records, long bytes) {}

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PayloadCipher cipher;
    private final UploadSettings settings;
    private final Clock clock;
    private final MessageScan scan;
    private final ChunkProducer producer;

    /** The pipeline with the benchmark's settings: 20,000 records per chunk, all cores, the sample signing key. */
    public UploadPipeline(DataSource dataSource, PayloadCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = cipher;
        this.settings = benchmarkSettings();
        this.clock = clock;
        this.scan = new MessageScan(jdbc, cipher);
        SigningKeys keys = new SigningKeys(new SigningSettings(null, Map.of(), null, null, null),
                new DefaultResourceLoader(), clock);
        this.producer = new ChunkProducer(scan, new ChunkPackager(new ExchangePackageWriter(), keys, settings, clock),
                new ObjectMapper(), settings, clock);
    }

    /** Reads every personnel filing in key order, cuts and signs the chunks, and discards them. */
    public Produced produce() {
        AtomicLong chunks = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ScanKey last = scan.lastKey(MessageType.PERSONNEL_FILING, clock.instant());
        producer.produce("benchmark", ScanKey.START, last, 1, false, (chunk, id, signed) -> {
            chunks.incrementAndGet();
            records.addAndGet(chunk.records());
            bytes.addAndGet(signed.length);
            return true;
        }, skip -> { });
        return new Produced(chunks.get(), records.get(), bytes.get());
    }

    /** A whole upload run, begun by an operator, each chunk stored and its bookkeeping written. */
    public Produced run() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        UploadRuns runs = new UploadRuns(jdbc);
        MessageStore store = new MessageStore(jdbc, clock, event -> { }, new RowClaims(dataSource),
                new DataSourceTransactionManager(dataSource), cipher);
        UploadSettlement settlement = new UploadSettlement(runs, tx, settings, clock);
        PersonnelUpload upload = new PersonnelUpload(runs, scan, producer,
                new ChunkRecorder(store, runs, tx, settings, clock), settlement, tx, settings, clock);
        UploadRun run = upload.begin("OPERATOR", "benchmark", "benchmark");
        upload.execute(run.id());
        UploadRun done = runs.find(run.id()).orElseThrow();
        long bytes = jdbc.sql("SELECT SUM(bytes) FROM upload_chunk WHERE run_id = ?").param(run.id())
                .query(Long.class).single();
        return new Produced(runs.counts(run.id()).sent(), done.records(), bytes);
    }

    private static UploadSettings benchmarkSettings() {
        return new UploadSettings(true, "0 30 1 * * ?", 20_000, DataSize.ofMegabytes(16), Duration.ZERO, 1000,
                Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(10), Duration.ofSeconds(2),
                "gateway-sm2", "国家特种设备安全监管平台",
                new UploadSettings.Sender("广东省市场监督管理局", "11440000MB2C9876XY", "440000"),
                new UploadSettings.Scheduler("sedx-gateway", Duration.ofSeconds(7), Duration.ofSeconds(60), 3));
    }
}
