package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.TestClock;
import cn.sedx.gateway.support.TestDatabases;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared batch inbox's claims (the Camel idempotent read lock of routes/batch.camel.yaml) on H2 and PostgreSQL:
 * one node at a time holds a file, a node gives up only its own claim, and a dead node's claim ends with its lease,
 * which must be positive.
 */
class BatchFileClaimsTests {

    private static final String FILE = "/srv/sedx/inbox/gd-province/personnel-2026-12-01.csv";

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void letsOneNodeAtATimeReadAFileAndAnotherTakeItWhenTheLeaseEnds(TestDatabases database) {
        DataSource dataSource = database.migrated();
        TestClock clock = new TestClock();
        BatchFileClaims first = claims(dataSource, clock, "node-a");
        BatchFileClaims second = claims(dataSource, clock, "node-b");

        assertThat(first.add(FILE)).isTrue();
        assertThat(second.add(FILE)).as("held by the first node").isFalse();
        assertThat(second.contains(FILE)).isTrue();
        assertThat(second.remove(FILE)).as("not the second node's claim to give up").isFalse();
        assertThat(first.add(FILE)).as("not twice, even by its holder").isFalse();

        clock.advance(Duration.ofMinutes(31));
        assertThat(second.contains(FILE)).isFalse();
        assertThat(second.add(FILE)).as("the first node's lease ended").isTrue();
        assertThat(first.remove(FILE)).as("its claim was taken over").isFalse();
        assertThat(second.remove(FILE)).isTrue();
        assertThat(first.add(FILE)).as("free again").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-5m", "500ms"})
    void refusesToStartWithALeaseShorterThanASecond(String lease) {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.batch.claims.lease=" + lease)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sedx.batch.claims.lease"));
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.batch.claims.lease=1s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @EnableConfigurationProperties(BatchClaimSettings.class)
    static class Settings {}

    private static BatchFileClaims claims(DataSource dataSource, TestClock clock, String node) {
        return new BatchFileClaims(JdbcClient.create(dataSource), new BatchClaimSettings(Duration.ofMinutes(30)),
                clock, node);
    }
}
