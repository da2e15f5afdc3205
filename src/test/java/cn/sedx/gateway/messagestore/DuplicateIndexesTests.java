package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V180 and V181 on a store that already holds a delivered filing: the redundant indexes go (on PostgreSQL only the
 * one that is redundant there), the rows stay, a message's history and attempts are still found through an index and
 * come back in order, the foreign keys to {@code message} still hold, and a V181 cut short by a crash runs to its end
 * at the next start.
 */
class DuplicateIndexesTests {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void dropsTheIndexesThatOthersDuplicate(TestDatabases database) {
        DataSource dataSource = database.migratedTo("170");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MessageStore store = Stores.messageStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), event -> { });
        StoredMessage filing = store.insertReceived(new NewMessage(MessageType.PERSONNEL_FILING, "gd-province",
                "REST", "91440106MA59C8XX1X", "440106", null, "sha-1",
                "{\"persons\":[]}".getBytes(StandardCharsets.UTF_8), null, null));
        store.transition(filing.id(), MessageState.RECEIVED, MessageState.QUEUED, "gateway", null);
        for (int attempt = 1; attempt <= 2; attempt++) {
            jdbc.sql("INSERT INTO delivery_attempt (message_id, destination, attempt, started_at, duration_ms, outcome)"
                    + " VALUES (?,?,?,?,?,?)").params(filing.id(), "province-44", attempt, Timestamp.from(NOW), 12,
                    attempt == 1 ? "ERROR" : "ACK").update();
        }
        assertThat(database.indexes(jdbc, "message")).contains("ix_message_unit");
        assertThat(database.indexes(jdbc, "message_state")).contains("ix_message_state_message");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new DuplicateIndexes()).load().migrate();

        assertThat(database.indexes(jdbc, "message")).doesNotContain("ix_message_unit").contains("ix_message_unit_kind");
        if (database == TestDatabases.H2) {
            assertThat(database.indexes(jdbc, "message_state")).doesNotContain("ix_message_state_message");
            assertThat(database.indexes(jdbc, "delivery_attempt")).doesNotContain("ix_delivery_attempt_message");
            // the foreign key's own index serves both lookups, not a scan (H2 sorts the message's few rows by id)
            for (String table : List.of("message_state", "delivery_attempt")) {
                String plan = jdbc.sql("EXPLAIN SELECT * FROM " + table + " WHERE message_id = ? ORDER BY id")
                        .param(filing.id()).query(String.class).single();
                assertThat(plan).contains("CONSTRAINT_INDEX").doesNotContain("tableScan");
            }
        } else {
            assertThat(database.indexes(jdbc, "message_state")).contains("ix_message_state_message");
            assertThat(database.indexes(jdbc, "delivery_attempt")).contains("ix_delivery_attempt_message");
        }
        assertThat(store.history(filing.id())).extracting(StateChange::state)
                .containsExactly(MessageState.RECEIVED, MessageState.QUEUED);
        assertThat(jdbc.sql("SELECT outcome FROM delivery_attempt WHERE message_id = ? ORDER BY id")
                .param(filing.id()).query(String.class).list()).containsExactly("ERROR", "ACK");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO message_state (message_id, state, at, actor) VALUES (?,?,?,?)")
                .params("no-such-message", "QUEUED", Timestamp.from(NOW), "gateway").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO delivery_attempt (message_id, destination, attempt, started_at,"
                + " duration_ms, outcome) VALUES (?,?,?,?,?,?)").params("no-such-message", "province-44", 1,
                Timestamp.from(NOW), 1, "ACK").update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void finishesAtTheNextStartWhenACrashCutItShort() {
        // H2 commits each DROP INDEX on its own: a crash after the first leaves it dropped and V181 not recorded
        DataSource dataSource = TestDatabases.H2.migratedTo("180");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP INDEX " + DuplicateIndexes.DROPPED.get(0)).update();

        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new DuplicateIndexes()).load();
        flyway.migrate();

        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("181");
        assertThat(TestDatabases.H2.indexes(jdbc, "delivery_attempt")).doesNotContain("ix_delivery_attempt_message");
    }
}
