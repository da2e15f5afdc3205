package cn.sedx.gateway.benchmark;

import cn.sedx.gateway.console.ConsoleReads;
import cn.sedx.gateway.console.MessageFilter;
import cn.sedx.gateway.console.RecordReads;
import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.StoreCiphers;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's read queries on a store of {@code messages} messages (a benchmark, not a test): fills a fresh
 * database with messages over 30 days, their histories, deliveries, attempts and audit entries, then times each
 * query the messages page, the overview, the dead letters and the audit page make (median and 95th percentile of
 * wall time, and the CPU time of the querying thread, which for embedded H2 includes the database's own work).
 *
 * <p>Arguments: {@code [messages [jdbc-url [without-console-indexes]]]}; messages 100,000 by default; the URL
 * defaults to an H2 file under {@code target/console-benchmark} (a PostgreSQL URL uses {@code SEDX_DB_USER} and
 * {@code SEDX_DB_PASSWORD}; its schema is dropped first); {@code without-console-indexes} drops the indexes of
 * migration V40 to show what they buy. See docs/benchmarks.md for the command.
 */
public final class ConsoleBenchmark {

    private static final int RUNS = 25;
    private static final String[] SYSTEMS = {"gd-province", "tianhe-county", "gz-city", "sz-city", "fs-city",
        "dg-city", "zh-city", "st-city"};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ConsoleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // OPTIMIZE_REUSE_RESULTS=FALSE: H2 would otherwise answer a repeated query on unchanged tables from its last
        // result, and the benchmark would time a cache (in the gateway the tables change all the time)
        String url = args.length > 1 ? args[1] : "jdbc:h2:file:./target/console-benchmark/store;MODE=PostgreSQL"
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE";
        boolean withoutIndexes = args.length > 2 && args[2].equals("without-console-indexes");
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(url);
        db.setUsername(env("SEDX_DB_USER", "sa"));
        db.setPassword(env("SEDX_DB_PASSWORD", ""));
        db.setMaximumPoolSize(2);
        Instant now = Instant.now();
        List<String> ids = filled(db, messages, now);
        consoleIndexes(db, !withoutIndexes);
        analyse(db);
        JdbcClient jdbc = JdbcClient.create(db);
        ConsoleReads reads = new ConsoleReads(jdbc);
        RecordReads records = new RecordReads(jdbc);
        MessageStore store = new MessageStore(jdbc, Clock.systemUTC(), event -> { }, StoreCiphers.TEST);
        DeliveryLog deliveries = new DeliveryLog(jdbc);
        String some = ids.get(ids.size() / 2);
        Instant dayAgo = now.minus(Duration.ofDays(1));
        MessageFilter none = MessageFilter.none();
        ConsoleReads.Cursor deep = reads.search(none, null, 50).next();

        System.out.printf("%-52s %9s %9s %9s%n", "query (" + (withoutIndexes ? "without" : "with")
                + " the V40 indexes)", "median ms", "p95 ms", "CPU ms");
        time("messages: newest 50, no filter", () -> reads.search(none, null, 50));
        time("messages: next page (keyset)", () -> reads.search(none, deep, 50));
        time("messages: count, capped at 10,000", () -> reads.count(none, 10_000));
        time("messages: state FAILED, newest 50 + count", () -> both(reads, filter(null, MessageState.FAILED,
                null, null, null, null)));
        time("messages: type SAFETY_RECORD, newest 50 + count", () -> both(reads,
                filter(MessageType.SAFETY_RECORD, null, null, null, null, null)));
        time("messages: system tianhe-county, 50 + count", () -> both(reads, filter(null, null, null,
                "tianhe-county", null, null)));
        time("messages: one unit (USCC), 50 + count", () -> both(reads, filter(null, null, Fill.uscc(42), null,
                null, null)));
        time("messages: destination province-11, 50 + count", () -> both(reads, filter(null, null, null, null,
                "province-11", null)));
        time("messages: SAFETY_RECORD and ACKNOWLEDGED, 50 + count", () -> both(reads,
                filter(MessageType.SAFETY_RECORD, MessageState.ACKNOWLEDGED, null, null, null, null)));
        time("messages: YEAR_END_REPORT and ACKNOWLEDGED, 50 + count", () -> both(reads,
                filter(MessageType.YEAR_END_REPORT, MessageState.ACKNOWLEDGED, null, null, null, null)));
        time("messages: tianhe-county, FAILED, province-44, 50 + count", () -> both(reads, filter(null,
                MessageState.FAILED, null, "tianhe-county", "province-44", null)));
        time("messages: received in the last day, 50 + count", () -> both(reads, filter(null, null, null, null,
                null, dayAgo)));
        time("message page: message, history, deliveries, audit", () -> List.of(store.find(some),
                store.history(some), deliveries.deliveries(some), records.replaysOf(some),
                records.auditEntries(null, null, some, null, null, null, 50)));
        time("overview: every figure from the database", () -> overview(reads, records, now));
        time("  overview: received today by type and channel", () -> reads.receivedSince(now.minus(
                Duration.ofHours(10))));
        time("  overview: waiting per destination", reads::waitingByDestination);
        time("  overview: dead letters per destination", reads::deadLettersByDestination);
        time("  overview: attempts in the last hour", () -> reads.attemptsSince(now.minus(Duration.ofHours(1))));
        time("  overview: stuck", () -> reads.stuck(now.minus(Duration.ofMinutes(15))));
        time("  overview: in state FAILED, RECEIVED", () -> List.of(reads.inState(MessageState.FAILED),
                reads.inState(MessageState.RECEIVED)));
        time("dead letters: newest 200", () -> reads.deadLetters(none, 200));
        time("audit: newest 50", () -> records.auditEntries(null, null, null, null, null, null, 50));
        time("audit: actor operator, 50", () -> records.auditEntries("operator", null, null, null, null, null,
                50));
        time("audit: action REPLAY_REQUESTED, 50", () -> records.auditEntries(null, "REPLAY_REQUESTED", null, null,
                null, null, 50));
        time("audit: actions starting STATE_, 50", () -> records.auditEntries(null, "STATE_", null, null, null,
                null, 50));
        time("audit: one hour a week ago, 50", () -> records.auditEntries(null, null, null,
                now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)), null, 50));
        db.close();
    }

    private static MessageFilter filter(MessageType type, MessageState state, String uscc, String system,
            String destination, Instant from) {
        return new MessageFilter(type, state, uscc, system, destination, from, null, null);
    }

    private static Object both(ConsoleReads reads, MessageFilter filter) {
        return List.of(reads.search(filter, null, 50), reads.count(filter, 10_000));
    }

    private static Object overview(ConsoleReads reads, RecordReads records, Instant now) {
        return List.of(reads.receivedSince(now.minus(Duration.ofHours(10))), reads.waitingByDestination(),
                reads.deadLettersByDestination(), reads.attemptsSince(now.minus(Duration.ofHours(1))),
                reads.inState(MessageState.FAILED), reads.inState(MessageState.RECEIVED),
                reads.stuck(now.minus(Duration.ofMinutes(15))), records.chainHead(), records.unsealed(),
                records.signedHeads(1), records.uploadRuns(1));
    }

    private static void time(String name, Supplier<Object> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        double[] wall = new double[RUNS];
        long cpu = 0;
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            query.get();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu += THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        System.out.printf("%-52s %9.2f %9.2f %9.2f%n", name, wall[RUNS / 2], wall[(int) (RUNS * 0.95)],
                cpu / 1e6 / RUNS);
    }

    /** The store of an earlier run when it holds as many messages (filling takes minutes), else a new one. */
    private static List<String> filled(DataSource db, int messages, Instant now) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration").cleanDisabled(false)
                .load();
        // a store kept from an earlier run whose migrations have since changed is adopted as it is
        flyway.repair();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        if (jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single() == messages) {
            System.out.printf("reusing the store of %,d messages%n", messages);
            return jdbc.sql("SELECT id FROM message ORDER BY id").query(String.class).list();
        }
        flyway.clean();
        flyway.migrate();
        long filling = System.nanoTime();
        List<String> ids = Fill.store(db, messages, now);
        System.out.printf("filled %,d messages (with histories, deliveries, attempts, audit) in %.1f s%n", messages,
                (System.nanoTime() - filling) / 1e9);
        return ids;
    }

    /** Creates (or drops) the indexes of migration V40, to show what they buy. */
    private static void consoleIndexes(DataSource db, boolean present) throws SQLException {
        Map<String, String> indexes = Map.of("ix_message_state_received", "message (state, received_at, id)",
                "ix_message_system_received", "message (submitting_system, received_at, id)",
                "ix_delivery_attempt_started", "delivery_attempt (started_at)",
                "ix_replay_item_message", "replay_item (message_id)", "ix_audit_actor", "audit_entry (actor, id)",
                "ix_audit_action", "audit_entry (action, id)", "ix_audit_recorded", "audit_entry (recorded_at)");
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                sql.execute(present ? "CREATE INDEX IF NOT EXISTS " + index.getKey() + " ON " + index.getValue()
                        : "DROP INDEX IF EXISTS " + index.getKey());
            }
        }
    }

    private static void analyse(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Fills the store with plain JDBC batches, much as the gateway would have written it. */
    static final class Fill {

        private static final String[] STATES = {"ACKNOWLEDGED", "ACKNOWLEDGED", "ACKNOWLEDGED", "ACKNOWLEDGED"};

        static String uscc(int unit) {
            return String.format("9144010%011d", unit);
        }

        static List<String> store(DataSource db, int count, Instant now) throws SQLException {
            byte[] payload = Fixtures.bytes("personnel-filing/valid-use-unit.json");
            Random random = new Random(15);
            List<String> ids = new ArrayList<>(count);
            try (Connection connection = db.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement message = connection.prepareStatement("INSERT INTO message (id, type, state,"
                        + " submitting_system, channel, unit_uscc, region_code, idempotency_key, body_sha256, payload,"
                        + " payload_size, received_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
                        PreparedStatement history = connection.prepareStatement("INSERT INTO message_state"
                                + " (message_id, state, at, actor, detail) VALUES (?,?,?,?,?)");
                        PreparedStatement delivery = connection.prepareStatement("INSERT INTO delivery (message_id,"
                                + " destination, state, attempts, first_attempt_at, updated_at) VALUES (?,?,?,?,?,?)");
                        PreparedStatement attempt = connection.prepareStatement("INSERT INTO delivery_attempt"
                                + " (message_id, destination, attempt, started_at, duration_ms, outcome, http_status)"
                                + " VALUES (?,?,?,?,?,?,?)");
                        PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_entry (recorded_at,"
                                + " actor, action, message_id, detail, seq, prev_digest, digest)"
                                + " VALUES (?,?,?,?,?,?,?,?)")) {
                    long seq = 0;
                    for (int i = 0; i < count; i++) {
                        String id = UUID.randomUUID().toString();
                        ids.add(id);
                        // 30 days, denser towards now; about 3 % of the store is from the last day
                        Instant at = now.minusMillis((long) (Math.pow(random.nextDouble(), 1.3) * 30 * 86_400_000L));
                        String state = i % 50 == 7 ? "FAILED" : i % 97 == 3 ? "SENT" : STATES[i % STATES.length];
                        String type = i % 4 == 1 ? "SAFETY_RECORD" : i % 200 == 8 ? "YEAR_END_REPORT"
                                : "PERSONNEL_FILING";
                        String system = SYSTEMS[random.nextInt(SYSTEMS.length)];
                        String destination = i % 10 == 0 ? "province-11" : "province-44";
                        Timestamp ts = Timestamp.from(at);
                        message.setString(1, id);
                        message.setString(2, type);
                        message.setString(3, state);
                        message.setString(4, system);
                        message.setString(5, i % 3 == 0 ? "BATCH" : "REST");
                        message.setString(6, uscc(random.nextInt(5000)));
                        message.setString(7, "440106");
                        message.setString(8, "k-" + i);
                        message.setString(9, "0".repeat(64));
                        message.setBytes(10, payload);
                        message.setLong(11, payload.length);
                        message.setTimestamp(12, ts);
                        message.setTimestamp(13, Timestamp.from(at.plusSeconds(2)));
                        message.addBatch();
                        for (String step : List.of("RECEIVED", "QUEUED", "SENT", state)) {
                            history.setString(1, id);
                            history.setString(2, step);
                            history.setTimestamp(3, ts);
                            history.setString(4, "gateway");
                            history.setString(5, "benchmark");
                            history.addBatch();
                            audit.setTimestamp(1, ts);
                            audit.setString(2, i % 1000 == 5 ? "operator" : "gateway");
                            audit.setString(3, i % 5000 == 5 ? "REPLAY_REQUESTED" : "STATE_" + step);
                            audit.setString(4, id);
                            audit.setString(5, "benchmark");
                            // sealed, as the gateway's sealer leaves them a second later
                            audit.setLong(6, ++seq);
                            audit.setString(7, "0".repeat(64));
                            audit.setString(8, "0".repeat(64));
                            audit.addBatch();
                        }
                        delivery.setString(1, id);
                        delivery.setString(2, destination);
                        delivery.setString(3, state);
                        delivery.setInt(4, 1);
                        delivery.setTimestamp(5, ts);
                        delivery.setTimestamp(6, Timestamp.from(at.plusSeconds(2)));
                        delivery.addBatch();
                        attempt.setString(1, id);
                        attempt.setString(2, destination);
                        attempt.setInt(3, 1);
                        attempt.setTimestamp(4, ts);
                        attempt.setLong(5, 20);
                        attempt.setString(6, state.equals("FAILED") ? "DEAD_LETTERED" : "ACKNOWLEDGED");
                        attempt.setInt(7, state.equals("FAILED") ? 400 : 200);
                        attempt.addBatch();
                        if (i % 1000 == 999) {
                            for (PreparedStatement batch : List.of(message, history, delivery, attempt, audit)) {
                                batch.executeBatch();
                            }
                            connection.commit();
                        }
                    }
                    for (PreparedStatement batch : List.of(message, history, delivery, attempt, audit)) {
                        batch.executeBatch();
                    }
                    connection.commit();
                }
            }
            return ids;
        }
    }
}
