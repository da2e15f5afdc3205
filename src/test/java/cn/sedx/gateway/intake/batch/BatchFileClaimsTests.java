package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.TestClock;
import cn.sedx.gateway.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared batch inbox's claims (the Camel idempotent read lock of routes/batch.camel.yaml) on H2 and PostgreSQL:
 * one node at a time holds a file, a node gives up only its own claim, a live node renews its claims, and a dead
 * node's claim ends with its lease, which must be positive and longer than the renewal period.
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

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(second.contains(FILE)).isFalse();
        assertThat(second.add(FILE)).as("the first node's lease ended").isTrue();
        assertThat(first.remove(FILE)).as("its claim was taken over").isFalse();
        assertThat(second.remove(FILE)).isTrue();
        assertThat(first.add(FILE)).as("free again").isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void keepsTheFilesOfALiveNodeHoweverLongItReadsAndFreesADeadNodesAfterTheLease(TestDatabases database,
            @TempDir Path inbox) throws IOException {
        DataSource dataSource = database.migrated();
        TestClock clock = new TestClock();
        BatchFileClaims live = claims(dataSource, clock, "node-a");
        BatchFileClaims dead = claims(dataSource, clock, "node-b");
        BatchFileClaims other = claims(dataSource, clock, "node-c");
        String first = Files.createFile(inbox.resolve("personnel.csv")).toString();
        String second = Files.createFile(inbox.resolve("training.csv")).toString();
        assertThat(live.add(first)).isTrue();
        assertThat(dead.add(second)).isTrue();

        for (int renewal = 0; renewal < 10; renewal++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(live.renew()).as("node-a's one claim").isEqualTo(1);
        }

        assertThat(other.add(first)).as("node-a still reads it, five minutes on").isFalse();
        assertThat(other.add(second)).as("node-b stopped renewing five minutes ago").isTrue();
        assertThat(dead.renew()).as("node-b's claim was taken over").isZero();
        assertThat(other.remove(second)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void givesUpAtItsNextRenewalAClaimWhoseFileIsGoneSoTheSameNameDroppedAgainIsRead(TestDatabases database,
            @TempDir Path inbox) throws IOException {
        DataSource dataSource = database.migrated();
        TestClock clock = new TestClock();
        BatchFileClaims reader = claims(dataSource, clock, "node-a");
        BatchFileClaims other = claims(dataSource, clock, "node-b");
        Path file = Files.createFile(inbox.resolve("personnel.csv"));
        assertThat(reader.add(file.toString())).isTrue();

        // read and moved, but the removal of its claim never happened (say the database was down at that moment)
        Files.move(file, inbox.resolve("processed.csv"));
        assertThat(other.add(file.toString())).as("still claimed by node-a").isFalse();

        assertThat(reader.renew()).as("nothing left to renew").isZero();
        Files.createFile(file);
        assertThat(other.add(file.toString())).as("the file dropped again, free without waiting for a lease")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-5m", "500ms"})
    void refusesToStartWithALeaseShorterThanASecond(String lease) {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.batch.claims.lease=" + lease, "sedx.batch.claims.renew-every=100ms")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sedx.batch.claims.lease"));
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.batch.claims.lease=1s", "sedx.batch.claims.renew-every=500ms")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2m", "5m"})
    void refusesToStartWhenTheClaimsWouldRunOutBeforeTheyAreRenewed(String renewEvery) {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.batch.claims.lease=2m", "sedx.batch.claims.renew-every=" + renewEvery)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sedx.batch.claims.renew-every"));
    }

    @EnableConfigurationProperties(BatchClaimSettings.class)
    static class Settings {}

    private static BatchFileClaims claims(DataSource dataSource, TestClock clock, String node) {
        return new BatchFileClaims(JdbcClient.create(dataSource), new BatchClaimSettings(Duration.ofMinutes(2), Duration.ofSeconds(30)),
                clock, node);
    }
}
