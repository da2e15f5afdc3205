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
 * time (the others keep H2's 32), on PostgreSQL nothing changes, and after H2 stops without closing its files (as in
 * a crash) the next ids are new ones, none repeated.
 */
class IdentityCachesTests {

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reservesLargerBlocksOfIdsOnH2Only(TestDatabases database) {
        DataSource dataSource = database.migratedTo("180");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Long> before = IdentityCaches.TABLES.stream().map(table -> cache(database, jdbc, table)).toList();

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
    }

    @Test
    void givesNewIdsAfterAStopThatDidNotCloseTheFiles(@TempDir Path folder) {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + folder.resolve("sedx") + TestDatabases.H2_OPTIONS + ";WRITE_DELAY=0", "sa", "");
        migrate(dataSource);
        MessageStore store = Stores.messageStore(dataSource, Clock.systemUTC(), event -> { });
        StoredMessage filing = store.insertReceived(new NewMessage(MessageType.PERSONNEL_FILING, "gd-province", "REST",
                "91440106MA59C8XX1X", "440106", null, "sha-1", "{\"persons\":[]}".getBytes(StandardCharsets.UTF_8),
                null, null));
        store.transition(filing.id(), MessageState.RECEIVED, MessageState.QUEUED, "gateway", null);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Long> first = historyIds(jdbc, filing.id());
        // closes the files as they are, without recording the ids used: what a kill -9 leaves
        jdbc.sql("SHUTDOWN IMMEDIATELY").update();

        store.transition(filing.id(), MessageState.QUEUED, MessageState.SENT, "gateway", null);

        List<Long> all = historyIds(jdbc, filing.id());
        long sent = jdbc.sql("SELECT id FROM message_state WHERE message_id = ? AND state = 'SENT'")
                .param(filing.id()).query(Long.class).single();
        assertThat(all).hasSize(3).containsAll(first).doesNotHaveDuplicates();
        assertThat(sent).isGreaterThan(first.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new DuplicateIndexes(), new IdentityCaches()).load().migrate();
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
