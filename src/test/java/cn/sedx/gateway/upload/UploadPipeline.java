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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    public UploadPipeline(DataSource dataSource, PayloadCipher cipher, UploadSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = cipher;
        this.settings = settings;
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
}
