package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.shared.StoreOutage;
import cn.sedx.gateway.support.ArtemisBroker;
import cn.sedx.gateway.support.ClusterArguments;
import cn.sedx.gateway.support.GatewayProcess;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.PrivatePostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway nodes, each a JVM of its own, on one PostgreSQL server and an Artemis primary/backup pair made by
 * {@code deploy/artemis/create-broker.sh} from the real distribution, as docs/scale-out.md deploys them; the
 * simulated platforms run in this test's gateway and keep every reception. Under load the tests kill each part in
 * turn: the live broker, the database (restarted), a node. The parts are started once for the class, and the
 * tests run in the order that leaves each one's survivors to the next.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({ArtemisBroker.DistributionAtHand.class, PrivatePostgres.BinariesAtHand.class})
class ScaleOutTests {

    private static final String USER = "sedx-gateway";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final Path WORK = Path.of("target", "test-data", "scale-out-" + UUID.randomUUID()).toAbsolutePath();
    private static final String QUEUE = "sedx.delivery.province-44";
    private static final Duration SETTLED = Duration.ofMinutes(3);
    /** Filings a second the clients send at most: the simulators keep the last 2,000 receptions. */
    private static final int RATE = 50;

    @LocalServerPort
    int simulatorPort;

    private Gateway simulators;
    private PrivatePostgres database;
    private ArtemisBroker primary;
    private ArtemisBroker backup;
    private GatewayProcess first;
    private GatewayProcess second;

    @BeforeAll
    void startTheCluster() throws Exception {
        simulators = new Gateway(simulatorPort);
        simulators.control("province-44", "OK");
        database = PrivatePostgres.start();
        ArtemisBroker.Pair pair = ArtemisBroker.startPair(WORK, USER, PASSWORD);
        primary = pair.primary();
        backup = pair.backup();

        List<String> arguments = nodeArguments(pair);
        CompletableFuture<GatewayProcess> starting = CompletableFuture.supplyAsync(() -> node("first", arguments));
        second = node("second", arguments);
        first = starting.join();
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        for (GatewayProcess node : new GatewayProcess[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
        for (ArtemisBroker broker : new ArtemisBroker[] {primary, backup}) {
            if (broker != null) {
                broker.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void deliversEveryFilingExactlyOnceFromTwoNodesSharingTheLoad() throws InterruptedException {
        NodeLoad load = new NodeLoad(List.of(node(first), node(second)), 4, RATE).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted().size() >= 200);
        load.stop();

        assertThat(load.acceptedBy(0)).as("filings the first node accepted").isNotEmpty();
        assertThat(load.acceptedBy(1)).as("filings the second node accepted").isNotEmpty();
        awaitAcknowledged(load.accepted());
        Map<String, List<JsonNode>> receptions = receptions();
        for (String id : load.accepted()) {
            assertThat(receptions.getOrDefault(id, List.of())).as("receptions of %s", id).hasSize(1)
                    .allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("RECEIVED"));
        }
    }

    @Test
    @Order(2)
    void carriesOnOnTheBackupWhenTheLiveBrokerIsKilledAndTakesTheOldLiveBackAsBackup() throws Exception {
        long consumers = queueConsumers(primary);
        assertThat(consumers).as("lanes of both nodes on the live broker").isGreaterThanOrEqualTo(2);
        NodeLoad load = new NodeLoad(List.of(node(first), node(second)), 4, RATE).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted().size() >= 60);

        primary.kill();
        backup.awaitActive(Duration.ofMinutes(2));
        int acceptedAtFailover = load.accepted().size();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted().size() >= acceptedAtFailover + 100);
        load.stop();

        awaitAcknowledged(load.accepted());
        assertEachReceivedOnceUnderItsOwnId(load.accepted());
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(queueConsumers(backup))
                .as("every lane of both nodes reconnected, to the backup").isEqualTo(consumers));

        primary.start(false);
        backup.awaitReplicated(Duration.ofMinutes(2));
        assertThat(primary.accepts()).as("the old live broker, back as the passive backup").isFalse();
    }

    @Test
    @Order(3)
    void answers503WhileTheDatabaseIsDownAndDeliversEverythingAcceptedBefore() throws Exception {
        NodeLoad load = new NodeLoad(List.of(node(first), node(second)), 4, RATE).start();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted().size() >= 60);

        database.stopImmediately();
        long down = System.nanoTime();
        // both nodes have refused requests sent after the database went
        await().atMost(Duration.ofMinutes(1)).until(() -> load.answers().stream()
                .filter(a -> a.sentAt() > down && a.status() == 503).map(NodeLoad.Answer::node).distinct().count() == 2
                && load.answers().stream().filter(a -> a.sentAt() > down).count() >= 8);
        long up = System.nanoTime();
        database.startAgain();
        int acceptedAtRestart = load.accepted().size();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted().size() >= acceptedAtRestart + 60);
        load.stop();

        // sent after the database went, answered before it was started again: nothing could be stored
        List<NodeLoad.Answer> whileDown = load.answers().stream()
                .filter(a -> a.sentAt() > down && a.answeredAt() < up).toList();
        assertThat(whileDown).as("answers while the database was down").isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isEqualTo(String.valueOf(StoreOutage.RETRY_AFTER_SECONDS));
        });
        awaitAcknowledged(load.accepted());
        assertEachReceivedOnceUnderItsOwnId(load.accepted());
    }

    @Test
    @Order(4)
    void redeliversTheWorkOfAKilledNodeThroughTheOther() throws Exception {
        NodeLoad load = new NodeLoad(List.of(node(first), node(second)), 4, RATE).start();
        long before = received();
        await().atMost(Duration.ofMinutes(2)).until(() -> received() >= before + 60);

        second.kill();
        List<String> acceptedBySecond = load.acceptedBy(1);
        long unsettled = acceptedBySecond.size() - acknowledged(acceptedBySecond);
        int acceptedAtKill = load.accepted().size();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted().size() >= acceptedAtKill + 60);
        load.stop();

        assertThat(unsettled).as("filings the killed node had accepted and not yet delivered").isPositive();
        awaitAcknowledged(load.accepted());
        assertEachReceivedOnceUnderItsOwnId(load.accepted());
    }

    private long received() {
        return simulators.stats().at("/province-44/received").asLong();
    }

    private static long queueConsumers(ArtemisBroker broker) throws Exception {
        return ((Number) broker.manage(ResourceNames.QUEUE + QUEUE, "consumerCount")).longValue();
    }

    /** Waits until every one of {@code ids} is ACKNOWLEDGED in the cluster's database. */
    private void awaitAcknowledged(List<String> ids) {
        await().atMost(SETTLED).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(acknowledged(ids)).as("acknowledged").isEqualTo(ids.size()));
    }

    /** How many of {@code ids} are ACKNOWLEDGED in the cluster's database. */
    private long acknowledged(List<String> ids) {
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), ""));
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE state = 'ACKNOWLEDGED' AND id IN (:ids)")
                .param("ids", ids).query(Long.class).single();
    }

    /** Every reception at the simulated platform, by message id. */
    private Map<String, List<JsonNode>> receptions() {
        Map<String, List<JsonNode>> byId = new HashMap<>();
        simulators.receivedAll().forEach(r -> byId.computeIfAbsent(r.path("messageId").asText(),
                id -> new ArrayList<>()).add(r));
        return byId;
    }

    /** The platform holds each id once; any repeat came under that same id, as a DUPLICATE the platform dropped. */
    private void assertEachReceivedOnceUnderItsOwnId(List<String> ids) {
        Map<String, List<JsonNode>> receptions = receptions();
        for (String id : ids) {
            List<String> outcomes = receptions.getOrDefault(id, List.of()).stream()
                    .map(r -> r.path("outcome").asText()).toList();
            assertThat(outcomes).as(id).containsOnlyOnce("RECEIVED").isSubsetOf("RECEIVED", "DUPLICATE");
        }
    }

    private static Gateway node(GatewayProcess process) {
        return new Gateway(process.port());
    }

    private List<String> nodeArguments(ArtemisBroker.Pair pair) {
        List<String> arguments = new ArrayList<>(ClusterArguments.node(simulatorPort, database, pair, USER, PASSWORD,
                ClusterArguments.storeKey()));
        // while the database is down a request waits this long for a connection, then answers 503
        arguments.add("--spring.datasource.hikari.connection-timeout=2000");
        return arguments;
    }

    private static GatewayProcess node(String name, List<String> arguments) {
        return GatewayProcess.start(name, WORK.resolve(name), List.of("-Xmx384m"), arguments, Map.of(),
                Duration.ofMinutes(3));
    }
}
