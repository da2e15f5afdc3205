package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway killed with SIGKILL mid-flight and started again on the same data folder delivers every filing it
 * answered 202 for. The gateway runs as a separate JVM; the simulators run in this test's JVM.
 */
@GatewayTest
@TestPropertySource(properties = {"sedx.simulator.callback-delay=200ms"})
class GatewayCrashTests {

    private static final List<String> DESTINATIONS = List.of("province-44", "province-11", "national-platform",
            "document-exchange");

    @LocalServerPort
    int simulatorPort;

    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        new Gateway(simulatorPort).control("province-44", "OK");
    }

    @Test
    void deliversEveryAcceptedFilingAfterAHardKillMidFlight() throws Exception {
        Path dataDir = Path.of("target", "test-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
        Gateway simulators = new Gateway(simulatorPort);
        simulators.control("{\"destination\":\"province-44\",\"mode\":\"DELAY\",\"delayMs\":150}");
        long receivedBefore = simulators.stats().at("/province-44/received").asLong();

        int port = Ports.free();
        gateway = start(dataDir, port, "first");
        Gateway first = new Gateway(port);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(first.submitFiling("440106"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                simulators.stats().at("/province-44/received").asLong() >= receivedBefore + 5);
        gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        simulators.control("province-44", "OK");
        gateway = start(dataDir, port, "second");
        Gateway second = new Gateway(port);
        for (String id : ids) {
            second.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(90));
            List<String> outcomes = new ArrayList<>();
            simulators.received(id).forEach(r -> outcomes.add(r.get("outcome").asText()));
            assertThat(outcomes).as(id).containsOnlyOnce("RECEIVED");
        }
    }

    private Process start(Path dataDir, int port, String name) throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                SedxApplication.class.getName(), "--server.port=" + port, "--sedx.data-dir=" + dataDir,
                "--sedx.simulator.enabled=false", "--spring.artemis.embedded.server-id=77"));
        for (String destination : DESTINATIONS) {
            String kind = destination.startsWith("province") ? "provincial" : "national";
            command.add("--sedx.delivery.destinations." + destination + ".url=http://localhost:" + simulatorPort
                    + "/sim/" + kind + "/" + destination);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("gateway JVM exited; see " + dataDir.resolve(name + ".log")).isTrue();
            return healthy(port);
        });
        return process;
    }

    private static boolean healthy(int port) {
        try {
            JsonNode health = Gateway.read(new Http(port).get("/actuator/health").body());
            return "UP".equals(health.path("status").asText());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
