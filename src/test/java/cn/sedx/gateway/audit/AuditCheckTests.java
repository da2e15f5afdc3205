package cn.sedx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.TestDatabases;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The command-line check finds the same breaks as the endpoint, on a store it opens itself. */
class AuditCheckTests {

    private final String url = TestDatabases.h2Url();
    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    private void appendAndSeal(int count) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC());
        for (int i = 0; i < count; i++) {
            trail.record("gd-province", "STATE_RECEIVED", "m-" + i, "accepted via REST, tel 13812345678");
        }
        assertThat(new AuditSealer(jdbc, new JdbcTemplate(dataSource)).seal(1000)).isEqualTo(count);
    }

    @Test
    void reportsAnIntactChain() {
        appendAndSeal(25);

        AuditReport report = AuditCheck.check(url);

        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(25);
    }

    @Test
    void reportsADeletedEntryAsMissing() {
        appendAndSeal(10);
        jdbc.sql("DELETE FROM audit_entry WHERE seq = 4").update();

        AuditReport report = AuditCheck.check(url);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(4L);
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void reportsAReorderedChainAsUnlinked() {
        appendAndSeal(6);
        jdbc.sql("UPDATE audit_entry SET prev_digest = ? WHERE seq = 3").param("0".repeat(64)).update();

        AuditReport report = AuditCheck.check(url);

        assertThat(report.firstBrokenSeq()).isEqualTo(3L);
        assertThat(report.problem()).contains("does not link");
    }

    @Test
    void storesPersonalNumbersMasked() {
        appendAndSeal(1);

        assertThat(jdbc.sql("SELECT detail FROM audit_entry").query(String.class).single())
                .contains("138****5678").doesNotContain("13812345678");
    }
}
