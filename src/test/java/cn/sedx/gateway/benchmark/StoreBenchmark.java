package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.delivery.DeliveryStates;
import cn.sedx.gateway.messagestore.DeliveryAttempt;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.DuplicateIndexes;
import cn.sedx.gateway.messagestore.IdentityCaches;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.messagestore.RowClaims;
import cn.sedx.gateway.messagestore.SentRequests;
import cn.sedx.gateway.messagestore.StateChanged;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.messagestore.UnsealedIndex;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.StoreCiphers;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The store's share of a delivery, alone (a benchmark, not a test): on the embedded H2 file store as the gateway
 * runs it ({@code WRITE_DELAY=0}) or a PostgreSQL URL, one thread performs each filing's database work as the
 * gateway does it — the intake's insert (one commit per filing), the outbox's batch (claim, deliveries, QUEUED) and a
 * lane's batch (lock, attempts, SENT and ACKNOWLEDGED) — and prints the CPU time of that thread per filing and per
 * step. The audit trail's rows come from the store's own events, as in the gateway.
 *
 * <p>Arguments: {@code filings} (default 20,000), {@code lane-batch} (10), {@code jdbc-url} (default a fresh H2 file
 * under {@code target/store-benchmark}), user, password.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int filings = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int laneBatch = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path folder = Path.of("target", "store-benchmark", String.valueOf(System.nanoTime()));
        Files.createDirectories(folder);
        String url = args.length > 2 ? args[2] : "jdbc:h2:file:" + folder.toAbsolutePath().resolve("sedx")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(args.length > 3 ? args[3] : "sa");
            dataSource.setPassword(args.length > 4 ? args[4] : "");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
                    .clean();
            // the gateway's schema: V181 to V183 are Java migrations (V31 only fills in old rows, of which there are none)
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .javaMigrations(new DuplicateIndexes(), new IdentityCaches(), new UnsealedIndex()).load().migrate();
            run(dataSource, filings, laneBatch);
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private static void run(HikariDataSource dataSource, int filings, int laneBatch) throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        TransactionTemplate tx = new TransactionTemplate(manager);
        DeliveryLog deliveries = new DeliveryLog(jdbc, new JdbcTemplate(dataSource));
        AuditRows auditRows = new AuditRows(jdbc);
        MessageStore audited = new MessageStore(jdbc, Clock.systemUTC(), auditRows::record, new RowClaims(dataSource),
                manager, StoreCiphers.TEST);
        DeliveryStates states = new DeliveryStates(audited, deliveries,
                new SentRequests(jdbc, new JdbcTemplate(dataSource), StoreCiphers.TEST));
        byte[] payload = Fixtures.bytes("personnel-filing/valid-use-unit.json");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long intake = 0;
        long outbox = 0;
        long lanes = 0;
        for (int round = 0; round < 2; round++) {
            // round 0 warms the JIT up; round 1 is measured
            intake = 0;
            outbox = 0;
            lanes = 0;
            for (int done = 0; done < filings; done += 500) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 500; i++) {
                    audited.insertReceived(new NewMessage(MessageType.PERSONNEL_FILING, "bench", "REST",
                            "91440106MA59ABCDEX", "440106", null, "0".repeat(64), payload, null, null));
                }
                long afterIntake = threads.getCurrentThreadCpuTime();
                List<String> queued = tx.execute(status -> {
                    List<String> ids = audited.claimReceived(500).stream().map(StoredMessage::id).toList();
                    deliveries.createAll(ids.stream().collect(Collectors.toMap(id -> id, id -> List.of("province-44"))),
                            MessageState.QUEUED, Instant.now());
                    ids.forEach(id -> audited.transition(id, MessageState.RECEIVED, MessageState.QUEUED, "gateway",
                            "queued for province-44"));
                    return ids;
                });
                long afterOutbox = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < queued.size(); i += laneBatch) {
                    List<DeliveryLog.Recorded> batch = new ArrayList<>();
                    for (String id : queued.subList(i, Math.min(queued.size(), i + laneBatch))) {
                        batch.add(new DeliveryLog.Recorded(id, new DeliveryAttempt("province-44", 1, Instant.now(), 3,
                                "ACKNOWLEDGED", 200, null, "receipt RECEIVED"), MessageState.ACKNOWLEDGED));
                    }
                    tx.executeWithoutResult(status -> states.recordAll(batch, List.of(), Map.of()));
                }
                long afterLanes = threads.getCurrentThreadCpuTime();
                intake += afterIntake - cpu;
                outbox += afterOutbox - afterIntake;
                lanes += afterLanes - afterOutbox;
            }
        }
        double n = filings;
        System.out.printf("store CPU per filing (one thread, %s, lane batches of %d): intake %.3f ms, outbox %.3f ms,"
                + " lane %.3f ms, total %.3f ms%n", dataSource.getJdbcUrl().replaceAll(";.*", ""), laneBatch,
                intake / n / 1e6, outbox / n / 1e6, lanes / n / 1e6, (intake + outbox + lanes) / n / 1e6);
        System.out.printf("rows: %s%n", Map.of("audit", jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class)
                .single(), "history", jdbc.sql("SELECT COUNT(*) FROM message_state").query(Long.class).single()));
    }

    /** The audit trail's insert for each state change, as the gateway's listener writes it (same transaction). */
    private record AuditRows(JdbcClient jdbc) {
        void record(Object event) {
            StateChanged change = (StateChanged) event;
            jdbc.sql("INSERT INTO audit_entry (recorded_at, actor, action, message_id, detail) VALUES (?,?,?,?,?)")
                    .params(Timestamp.from(change.at()), change.actor(), "STATE_" + change.state().name(),
                            change.messageId(), change.detail())
                    .update();
        }
    }
}
