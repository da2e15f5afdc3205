package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.ClusterArguments;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.GatewayProcess;
import cn.sedx.gateway.support.GatewayTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A gateway killed with SIGKILL in the middle of its work and started again on the same data folder loses no filing
 * it answered 202 for: each reaches the platform, and any copy sent again (a delivery the kill cut off between the
 * platform's receipt and the gateway's commit) carries the same X-Message-Id, never a new one. A re-send is
 * allowed here (at-least-once under one id, the platform answering DUPLICATE), so these tests say "no loss", not
 * "once". The gateway runs as a separate JVM; the simulators run in this test's JVM and count every copy of each id
 * they receive.
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
    void losesNoAcceptedFilingAndResendsOnlyUnderItsOwnIdAfterAHardKillInTheMiddleOfBatchedDeliveries() {
        Path dataDir = dataDir();
        long before = received();
        gateway = start(dataDir, "first");
        Gateway first = new Gateway(gateway.port());
        // the platform answers each request after 300 ms, so that deliveries still wait in the lanes' queues when the
        // submissions are done, however fast the machine delivers
        simulators.control("{\"destination\":\"province-44\",\"mode\":\"DELAY\",\"delayMs\":300}");
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

        simulators.control("province-44", "OK");
        gateway = start(dataDir, "second");
        assertNoLossAndRepeatsOnlyUnderTheSameId(new Gateway(gateway.port()), ids, before, 0);
    }

    @Test
    void losesNoAcceptedFilingAndResendsOnlyUnderItsOwnIdAfterAHardKillDuringSubmission() throws Exception {
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
        assertNoLossAndRepeatsOnlyUnderTheSameId(new Gateway(gateway.port()), new ArrayList<>(accepted), before, 6);
    }

    /**
     * Every id ACKNOWLEDGED and received by the platform at least once (every copy of an id is counted; a repeat
     * carries that same id, which the platform answers DUPLICATE); and the platform saw no new id but these and at
     * most {@code unanswered} others (filings stored by requests the kill cut off before their 202), so nothing was
     * sent again under a new id.
     */
    private void assertNoLossAndRepeatsOnlyUnderTheSameId(Gateway gateway, List<String> ids, long before,
            int unanswered) {
        for (String id : ids) {
            gateway.awaitOwnState(id, "ACKNOWLEDGED", Duration.ofSeconds(120));
        }
        for (String id : ids) {
            assertThat(simulators.receptions(id, "province-44")).as("copies of " + id + " the platform received")
                    .isPositive();
        }
        assertThat(received() - before).as("new ids the platform received").isBetween((long) ids.size(),
                (long) ids.size() + unanswered);
    }

    private long received() {
        return simulators.stats().at("/province-44/received").asLong();
    }

    private static Path dataDir() {
        return FreshDataDirectory.folder("crash");
    }

    private GatewayProcess start(Path dataDir, String name) {
        List<String> arguments = new ArrayList<>(ClusterArguments.platforms(simulatorPort));
        arguments.add("--spring.artemis.embedded.server-id=77");
        return GatewayProcess.start(name, dataDir, List.of("-Xmx384m"), arguments, Map.of(), Duration.ofMinutes(2));
    }
}
