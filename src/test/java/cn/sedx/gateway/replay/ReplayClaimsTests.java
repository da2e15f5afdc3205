package cn.sedx.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.messagestore.RowClaims;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replay items claimed by several nodes on one database (H2 and PostgreSQL): each item is taken by one claimer, a
 * live claim is passed over, an expired one (its node died before it queued the item) is taken over, a done item
 * is never taken again; the lease must be positive.
 */
class ReplayClaimsTests {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void givesEachItemToOneOfTheNodesClaimingAtOnce(TestDatabases database) throws Exception {
        DataSource dataSource = database.migrated();
        String replay = replayOf(dataSource, 60);
        List<Callable<List<Integer>>> nodes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            ReplayStore store = store(dataSource);
            nodes.add(() -> {
                List<Integer> mine = new ArrayList<>();
                for (List<ReplayStore.Item> items = store.claim(replay, 4, NOW, NOW.plus(LEASE)); !items.isEmpty();
                        items = store.claim(replay, 4, NOW, NOW.plus(LEASE))) {
                    items.forEach(item -> mine.add(item.seq()));
                }
                return mine;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        List<Integer> all = new ArrayList<>();
        try {
            for (Future<List<Integer>> claimed : pool.invokeAll(nodes)) {
                all.addAll(claimed.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(all).as("every item claimed exactly once").hasSize(60).doesNotHaveDuplicates()
                .allMatch(seq -> seq >= 0 && seq < 60);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void takesOverAnItemWhoseClaimExpiredAndNeverOneThatIsDone(TestDatabases database) {
        DataSource dataSource = database.migrated();
        String replay = replayOf(dataSource, 3);
        ReplayStore first = store(dataSource);
        ReplayStore second = store(dataSource);

        List<ReplayStore.Item> claimed = first.claim(replay, 2, NOW, NOW.plus(LEASE));
        assertThat(claimed).extracting(ReplayStore.Item::seq).containsExactly(0, 1);
        assertThat(claimed.get(0).actor()).isEqualTo("ops");
        assertThat(second.claim(replay, 5, NOW.plusSeconds(1), NOW.plusSeconds(1).plus(LEASE)))
                .extracting(ReplayStore.Item::seq).containsExactly(2);
        first.done(replay, 0, "queued for province-44", NOW.plusSeconds(2));
        assertThat(second.claim(replay, 5, NOW.plusSeconds(30), NOW.plusSeconds(30).plus(LEASE))).isEmpty();

        // the first node died with item 1 claimed: after its lease, another node takes it (item 0 is done, item 2
        // still claimed by the second node)
        Instant later = NOW.plus(LEASE).plusMillis(500);
        assertThat(second.claim(replay, 5, later, later.plus(LEASE))).extracting(ReplayStore.Item::seq)
                .containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1m", "500ms"})
    void refusesToStartWithAClaimLeaseShorterThanASecond(String lease) {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.replay.claim-lease=" + lease)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sedx.replay.claim-lease"));
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("sedx.replay.claim-lease=1s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @EnableConfigurationProperties(ReplaySettings.class)
    static class Settings {}

    private static ReplayStore store(DataSource dataSource) {
        return new ReplayStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new RowClaims(dataSource));
    }

    /** A replay by "ops" of {@code size} stored messages; its id. */
    private static String replayOf(DataSource dataSource, int size) {
        MessageStore messages = Stores.messageStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), event -> { });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String key = UUID.randomUUID().toString();
            ids.add(messages.insertReceived(new NewMessage(MessageType.PERSONNEL_FILING, "gd-province", "REST",
                    "91440106MA59C8XX1X", "440106", key, "sha-" + key, "{}".getBytes(StandardCharsets.UTF_8), null,
                    null)).id());
        }
        String replay = UUID.randomUUID().toString();
        store(dataSource).create(replay, "ops", "platform fixed", null, 50, NOW, ids);
        return replay;
    }
}
