package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.audit.AuditSealer;
import cn.sedx.gateway.audit.AuditTrail;
import cn.sedx.gateway.support.TestDatabases;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V183 on a store whose audit trail holds sealed and unsealed entries: on H2 the unsealed-entries index goes and the
 * sealer's query still reads an index, not the table; on PostgreSQL the index stays. Either way the sealer then seals
 * the entries left from before and those appended after, in the order they were appended, into one unbroken chain.
 */
class UnsealedIndexTests {

    /** The sealer's query for the entries it seals next (AuditSealer). */
    private static final String UNSEALED = "SELECT id, recorded_at, actor, action, message_id, detail FROM audit_entry"
            + " WHERE seq IS NULL ORDER BY id FETCH FIRST 100 ROWS ONLY";

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void dropsTheIndexOnH2AndTheChainGoesOn(TestDatabases database) {
        DataSource dataSource = database.migratedTo("180");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC());
        AuditSealer sealer = new AuditSealer(jdbc, new JdbcTemplate(dataSource));
        for (int i = 0; i < 5; i++) {
            trail.record("gd-province", "STATE_RECEIVED", "m-" + i, "before V183");
        }
        assertThat(sealer.seal(3)).isEqualTo(3);
        assertThat(database.indexes(jdbc, "audit_entry")).contains(UnsealedIndex.DROPPED);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new UnsealedIndex()).load().migrate();

        if (database == TestDatabases.H2) {
            assertThat(database.indexes(jdbc, "audit_entry")).doesNotContain(UnsealedIndex.DROPPED);
            String plan = jdbc.sql("EXPLAIN " + UNSEALED).query(String.class).single();
            assertThat(plan).contains("uq_audit_seq").doesNotContain("tableScan");
        } else {
            assertThat(database.indexes(jdbc, "audit_entry")).contains(UnsealedIndex.DROPPED);
        }
        for (int i = 5; i < 9; i++) {
            trail.record("gd-province", "STATE_RECEIVED", "m-" + i, "after V183");
        }
        assertThat(sealer.seal(100)).isEqualTo(6);

        List<Sealed> chain = jdbc.sql("SELECT id, seq, prev_digest, digest FROM audit_entry ORDER BY seq")
                .query((rs, n) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
        assertThat(chain).extracting(Sealed::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(chain).extracting(Sealed::id).isSorted();
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).prevDigest()).isEqualTo(chain.get(i - 1).digest());
        }
        assertThat(jdbc.sql("SELECT seq, digest FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).single())
                .isEqualTo("9 " + chain.get(8).digest());
    }

    @Test
    void runsAgainHarmlesslyWhenTheIndexIsGoneAlready() {
        // H2 commits DDL on its own: a crash after the DROP leaves the index gone and V183 not recorded
        DataSource dataSource = TestDatabases.H2.migratedTo("180");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP INDEX " + UnsealedIndex.DROPPED).update();

        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new UnsealedIndex()).load();
        flyway.migrate();

        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("183");
    }

    private record Sealed(long id, long seq, String prevDigest, String digest) {}
}
