package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V182: on H2 the identity columns of the tables a filing writes to reserve {@value IdentityCaches#CACHE} ids at a
 * time (the others keep H2's 32), on PostgreSQL nothing changes, a store in use keeps counting from its last id, a V182
 * cut short by a crash finishes at the next start, and after H2 stops without closing its files (as in a crash) the
 * next ids are new ones, none repeated, at most one block on.
 */
class IdentityCachesTests {

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reservesLargerBlocksOfIdsOnH2Only(TestDatabases database) {
        DataSource dataSource = database.migratedTo("180");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MessageStore store = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { });
        StoredMessage filing = store.insertReceived(filing());
        List<Long> before = IdentityCaches.TABLES.stream().map(table -> cache(database, jdbc, table)).toList();
        long lastId = maxHistoryId(jdbc, filing.id());

        migrate(dataSource);

        for (int i = 0; i < IdentityCaches.TABLES.size(); i++) {
            String table = IdentityCaches.TABLES.get(i);
            assertThat(cache(database, jdbc, table)).as(table)
                    .isEqualTo(database == TestDatabases.H2 ? IdentityCaches.CACHE : before.get(i));
        }
        if (database == TestDatabases.H2) {
            assertThat(before).containsOnly(32L);
            assertThat(cache(database, jdbc, "rectification_order_change")).isEqualTo(32L);
        }
        // the rows of a store that was in use keep their ids, and the next one follows them
        store.transition(filing.id(), MessageState.RECEIVED, MessageState.QUEUED, "gateway", null);
        assertThat(maxHistoryId(jdbc, filing.id())).isGreaterThan(lastId);
    }

    @Test
    void finishesAtTheNextStartWhenACrashCutItShort() {
        // H2 commits each ALTER on its own: a crash after the first leaves it done and V182 not recorded
        DataSource dataSource = TestDatabases.H2.migratedTo("180");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("ALTER TABLE " + IdentityCaches.TABLES.get(0) + " ALTER COLUMN id SET CACHE " + IdentityCaches.CACHE)
                .update();

        Flyway flyway = migrate(dataSource);

        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("182");
        assertThat(IdentityCaches.TABLES).allSatisfy(table -> assertThat(cache(TestDatabases.H2, jdbc, table))
                .as(table).isEqualTo(IdentityCaches.CACHE));
    }

    @Test
    void givesNewIdsAfterAStopThatDidNotCloseTheFiles(@TempDir Path folder) {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + folder.resolve("sedx") + TestDatabases.H2_OPTIONS + ";WRITE_DELAY=0", "sa", "");
        migrate(dataSource);
        MessageStore store = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { });
        StoredMessage filing = store.insertReceived(filing());
        store.transition(filing.id(), MessageState.RECEIVED, MessageState.QUEUED, "gateway", null);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Long> first = historyIds(jdbc, filing.id());
        // closes the files as they are, without recording the ids used: what a kill -9 leaves
        jdbc.sql("SHUTDOWN IMMEDIATELY").update();

        store.transition(filing.id(), MessageState.QUEUED, MessageState.SENT, "gateway", null);

        List<Long> all = historyIds(jdbc, filing.id());
        long sent = jdbc.sql("SELECT id FROM message_state WHERE message_id = ? AND state = 'SENT'")
                .param(filing.id()).query(Long.class).single();
        long lastBefore = first.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(all).hasSize(3).containsAll(first).doesNotHaveDuplicates();
        // a new id beyond the block H2 had recorded: a gap of at most one block, as the migration's javadoc says
        assertThat(sent).isGreaterThan(lastBefore).isLessThanOrEqualTo(lastBefore + IdentityCaches.CACHE);
    }

    private static NewMessage filing() {
        return new NewMessage(MessageType.PERSONNEL_FILING, "gd-province", "REST", "91440106MA59C8XX1X", "440106",
                null, "sha-1", "{\"persons\":[]}".getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static long maxHistoryId(JdbcClient jdbc, String messageId) {
        return jdbc.sql("SELECT MAX(id) FROM message_state WHERE message_id = ?").param(messageId)
                .query(Long.class).single();
    }

    private static Flyway migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new DuplicateIndexes(), new IdentityCaches()).load();
        flyway.migrate();
        return flyway;
    }

    private static List<Long> historyIds(JdbcClient jdbc, String messageId) {
        return jdbc.sql("SELECT id FROM message_state WHERE message_id = ? ").param(messageId)
                .query(Long.class).list();
    }

    private static long cache(TestDatabases database, JdbcClient jdbc, String table) {
        // H2 shows an identity column's cache in information_schema.columns, PostgreSQL its sequence's in pg_sequence
        String sql = database == TestDatabases.H2
                ? "SELECT identity_cache FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                        + " AND table_name = ? AND column_name = 'id'"
                : "SELECT seqcache FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence(?, 'id')::regclass";
        return jdbc.sql(sql).param(table).query(Long.class).single();
    }
}
