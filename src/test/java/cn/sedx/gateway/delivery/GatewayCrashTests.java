package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.ClusterArguments;
import cn.sedx.gateway.support.GatewayProcess;
import cn.sedx.gateway.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway killed with SIGKILL in the middle of its work and started again on the same data folder delivers every
 * filing it answered 202 for, each to the platform under its one message id. The gateway runs as a separate JVM;
 * the simulators run in this test's JVM and count what they receive per message id.
 */
@GatewayTest
@TestPropertySource(properties = {"sedx.simulator.callback-delay=200ms"})
class GatewayCrashTests {

    @LocalServerPort
    int simulatorPort;

    private Gateway simulators;
    private GatewayProcess gateway;

    @BeforeEach
    void platformsUp() {
        simulators = new Gateway(simulatorPort);
        simulators.control("province-44", "OK");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void deliversEveryAcceptedFilingOnceAfterAHardKillInTheMiddleOfBatchedDeliveries() {
        Path dataDir = dataDir();
        long before = received();
        gateway = start(dataDir, "first");
        Gateway first = new Gateway(gateway.port());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            ids.add(first.submitFiling("440106"));
        }
        // killed while the lanes are taking batches of waiting deliveries and committing them
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> received() >= before + 40);
        gateway.kill();
        long undelivered = before + ids.size() - received();
        assertThat(undelivered).as("filings not yet delivered when the gateway was killed").isPositive();

        gateway = start(dataDir, "second");
        assertEveryOneDeliveredOnce(new Gateway(gateway.port()), ids, before, 0);
    }

    @Test
    void deliversEveryAcceptedFilingAfterAHardKillDuringSubmission() throws Exception {
        Path dataDir = dataDir();
        long before = received();
        gateway = start(dataDir, "first");
        Gateway first = new Gateway(gateway.port());
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicBoolean submitting = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            clients.execute(() -> {
                while (submitting.get()) {
                    try {
                        accepted.add(first.submitFiling("440106"));
                    } catch (RuntimeException | AssertionError e) {
                        // the request in flight when the gateway died: no 202, so nothing was promised
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 120);
        gateway.kill();
        submitting.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        gateway = start(dataDir, "second");
        // a filing stored just before the kill may not have had its 202 out: delivered, though nobody heard 202
        assertEveryOneDeliveredOnce(new Gateway(gateway.port()), new ArrayList<>(accepted), before, 6);
    }

    /**
     * Every id ACKNOWLEDGED; the platform holds each id exactly once (repeats only as DUPLICATEs of that id) and
     * at most {@code unanswered} other ids (filings stored by requests the kill cut off before their answer).
     */
    private void assertEveryOneDeliveredOnce(Gateway gateway, List<String> ids, long before, int unanswered) {
        for (String id : ids) {
            gateway.awaitOwnState(id, "ACKNOWLEDGED", Duration.ofSeconds(120));
        }
        for (String id : ids) {
            List<String> outcomes = new ArrayList<>();
            for (JsonNode reception : simulators.received(id)) {
                assertThat(reception.path("messageId").asText()).isEqualTo(id);
                outcomes.add(reception.path("outcome").asText());
            }
            assertThat(outcomes).as(id).containsOnlyOnce("RECEIVED").isSubsetOf("RECEIVED", "DUPLICATE");
        }
        assertThat(received() - before).as("ids the platform received").isBetween((long) ids.size(),
                (long) ids.size() + unanswered);
    }

    private long received() {
        return simulators.stats().at("/province-44/received").asLong();
    }

    private static Path dataDir() {
        return Path.of("target", "test-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    }

    private GatewayProcess start(Path dataDir, String name) {
        List<String> arguments = new ArrayList<>(ClusterArguments.platforms(simulatorPort));
        arguments.add("--spring.artemis.embedded.server-id=77");
        return GatewayProcess.start(name, dataDir, List.of("-Xmx384m"), arguments, Map.of(), Duration.ofMinutes(2));
    }
}
