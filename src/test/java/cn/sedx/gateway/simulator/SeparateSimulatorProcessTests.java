package cn.sedx.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.FreshDataDirectory;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.Ports;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform simulators as a separate JVM ({@code --spring.profiles.active=simulator}, own port and data folder)
 * and a gateway (this test's JVM, simulators off) pointed at them: deliveries, signed receipts and the document
 * exchange's later callback all cross real HTTP between the two processes.
 */
@GatewayTest
class SeparateSimulatorProcessTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DESTINATIONS = Map.of("province-44", "provincial", "province-11",
            "provincial", "national-platform", "national", "document-exchange", "national");
    private static final int GATEWAY_PORT = Ports.free();
    private static final int SIMULATOR_PORT = Ports.free();
    private static final Path DATA_DIR = FreshDataDirectory.folder("simulator");
    private static final Path LOG = DATA_DIR.resolve("simulator.log");

    private static Process simulators;

    private final Http gateway = new Http(GATEWAY_PORT);
    private final Http simulator = new Http(SIMULATOR_PORT);

    /** Starts the simulator process before the gateway's context, which needs its URLs and gives it its port. */
    @DynamicPropertySource
    static void gatewayPointedAtTheSimulatorProcess(DynamicPropertyRegistry registry) throws IOException {
        if (simulators == null) {
            simulators = startSimulators();
        }
        registry.add("server.port", () -> GATEWAY_PORT);
        registry.add("sedx.simulator.enabled", () -> "false");
        DESTINATIONS.forEach((name, kind) -> registry.add("sedx.delivery.destinations." + name + ".url",
                () -> "http://localhost:" + SIMULATOR_PORT + "/sim/" + kind + "/" + name));
    }

    @AfterAll
    static void stopSimulators() throws InterruptedException {
        if (simulators != null) {
            simulators.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void simulatorsUp() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(simulators.isAlive()).as("simulator JVM exited; see " + LOG).isTrue();
            return healthy();
        });
    }

    @Test
    void deliversAFilingToTheSimulatorProcessAndIsAcknowledgedOnItsSignedReceipt() {
        long receivedBefore = simulatorStats().at("/province-44/received").asLong();

        String id = submit("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        awaitState(id, "ACKNOWLEDGED");

        JsonNode received = read(simulator.asOperator().get("/sim/received?messageId=" + id));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("destination").asText()).isEqualTo("province-44");
        assertThat(received.get(0).get("outcome").asText()).isEqualTo("RECEIVED");
        assertThat(received.get(0).at("/headers/x-message-id").asText()).isEqualTo(id);
        assertThat(simulatorStats().at("/province-44/received").asLong()).isEqualTo(receivedBefore + 1);
        JsonNode delivery = message(id).at("/destinations/0");
        assertThat(delivery.get("destination").asText()).isEqualTo("province-44");
        assertThat(delivery.at("/attemptLog/0/detail").asText()).contains("receipt RECEIVED");
    }

    @Test
    void recordsTheSignOffTheSimulatedDocumentExchangeCallsBackFromItsOwnProcess() {
        String id = submit("/api/v1/year-end-reports", Fixtures.bytes("year-end-report/valid-report.json"));
        awaitState(id, "SIGNED_FOR");

        JsonNode received = read(simulator.asOperator().get("/sim/received?messageId=" + id));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("destination").asText()).isEqualTo("document-exchange");
        JsonNode history = message(id).get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("state").asText()).isEqualTo("SIGNED_FOR");
        assertThat(last.get("actor").asText()).isEqualTo("document-exchange");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log())
                .contains("simulated document exchange called back SIGNED_FOR for " + id + ": HTTP 200"));
    }

    @Test
    void servesNoSimulatorsInTheGateway() {
        assertThat(gateway.get("/sim/stats").statusCode()).isEqualTo(404);
        assertThat(gateway.asOperator().postJson("/sim/control", "{\"destination\":\"province-44\",\"mode\":\"FAIL\"}")
                .statusCode()).isEqualTo(404);
        assertThat(simulator.get("/sim/stats").statusCode()).isEqualTo(200);
    }

    @Test
    void takesNoSubmissionsAndDeliversNothingInTheSimulatorProcess() {
        HttpResponse<String> filing = simulator.asProvince().postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json"), "Idempotency-Key", "refused-here");
        assertThat(filing.statusCode()).as(filing.body()).isEqualTo(404);
        assertThat(simulator.postJson("/ws/submission", "<x/>").statusCode()).isEqualTo(404);
        assertThat(simulator.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/messages").statusCode()).isEqualTo(404);
        assertThat(simulator.postJson("/api/v1/callbacks/document-exchange", "{}").statusCode()).isEqualTo(404);
        assertThat(log()).contains("Disabled delivery-dispatch", "Disabled batch-intake")
                .doesNotContain("Started delivery-dispatch", "delivery lanes started", "DeliveryRelay");
    }

    private static Process startSimulators() throws IOException {
        Files.createDirectories(DATA_DIR);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), SedxApplication.class.getName(),
                "--spring.profiles.active=simulator", "--sedx.data-dir=" + DATA_DIR,
                "--sedx.simulator.callback-delay=200ms", "--spring.artemis.embedded.server-id=78")
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SEDX_SIM_PORT", String.valueOf(SIMULATOR_PORT));
        environment.put("SEDX_GATEWAY_URL", "http://localhost:" + GATEWAY_PORT);
        // a gateway's settings in the same shell must not reach the simulators (they keep their own store and broker)
        environment.put("SEDX_DB_URL", "jdbc:postgresql://127.0.0.1:9/not-for-the-simulators");
        environment.put("SEDX_ARTEMIS_MODE", "native");
        environment.put("SEDX_ARTEMIS_URL", "tcp://127.0.0.1:9");
        return builder.start();
    }

    private boolean healthy() {
        try {
            return "UP".equals(read(simulator.get("/actuator/health")).path("status").asText());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String submit(String path, byte[] body) {
        HttpResponse<String> response = gateway.asProvince().postJson(path, body, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response).get("messageId").asText();
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(message(id).get("state").asText()).isEqualTo(state));
    }

    private JsonNode message(String id) {
        return read(gateway.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/messages/" + id));
    }

    private JsonNode simulatorStats() {
        HttpResponse<String> response = simulator.get("/sim/stats");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    private static String log() {
        try {
            // ISO-8859-1 never fails to decode; the lines looked for are ASCII whatever the child's default charset
            return new String(Files.readAllBytes(LOG), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
