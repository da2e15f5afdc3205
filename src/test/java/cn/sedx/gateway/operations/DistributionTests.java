package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The distribution archive unpacked into a fresh folder and run with {@code bin/sedx} from another working
 * directory, on the embedded defaults with JSON logs: it starts once, delivers a filing, keeps its data below its
 * home, hashes credentials, and on stop turns readiness down first, drains and exits. Runs after {@code package}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static Distribution gateway;

    @BeforeAll
    static void unpackAndStart() throws Exception {
        gateway = Distribution.unpack(folder, """
                spring.main.banner-mode: "off"
                logging.structured.format.console: ecs
                sedx.operations.drain-delay: 3s
                """).with("SEDX_CDS", "off");
        gateway.start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stopQuietly();
        }
    }

    @Test
    @Order(1)
    void deliversAFilingAndKeepsItsDataBelowItsHome() throws IOException {
        HttpResponse<String> accepted = gateway.http().asProvince().postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json"), "Idempotency-Key", "distribution-1");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("messageId").asText();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
                message(id).get("state").asText()).isEqualTo("ACKNOWLEDGED"));
        assertThat(gateway.home.resolve("data/db")).isDirectory();
        assertThat(gateway.home.resolve("data/artemis")).isDirectory();
        assertThat(folder.resolve("elsewhere/data")).doesNotExist();
    }

    @Test
    @Order(2)
    void writesEveryLogLineAsJsonWithoutLogbackStatus() throws IOException {
        List<String> lines = Files.readAllLines(gateway.log()).stream().filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith("sedx: ")).toList();

        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains("|-INFO") || line.contains("|-WARN"));
        for (String line : lines) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }
        assertThat(lines).anyMatch(line -> line.contains("Started SedxApplication"));
    }

    @Test
    @Order(3)
    void printsTheStoredFormsOfAPasswordAndAToken() {
        Distribution.Result password = gateway.sedx("a-new-operator-password\n", "hash-password");
        Distribution.Result token = gateway.sedx("a-token-of-a-new-submitting-system\n", "hash-token");

        assertThat(password.status()).as(password.output()).isZero();
        String hash = password.output().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$12$");
        assertThat(new BCryptPasswordEncoder().matches("a-new-operator-password", hash.substring(8))).isTrue();
        assertThat(token.output().strip())
                .isEqualTo("token-sha256: " + cn.sedx.gateway.shared.Sha256.hex("a-token-of-a-new-submitting-system"));
    }

    @Test
    @Order(4)
    void turnsReadinessDownFirstWhenStoppedThenDrainsAndExits() throws Exception {
        AtomicBoolean notReadyButServing = new AtomicBoolean();
        CompletableFuture<Distribution.Result> stopping = CompletableFuture.supplyAsync(() -> gateway.sedx("", "stop"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (gateway.readiness() == 503 && liveness() == 200) {
                notReadyButServing.set(true);
            }
            return notReadyButServing.get() || stopping.isDone();
        });
        Distribution.Result stopped = stopping.get();

        assertThat(notReadyButServing).as("readiness 503 while still serving").isTrue();
        assertThat(stopped.status()).as(stopped.output()).isZero();
        assertThat(stopped.output()).contains("stopped after");
        assertThat(gateway.sedx("", "status").status()).isEqualTo(3);
        assertThat(Files.readString(gateway.log())).contains("readiness is DOWN")
                .doesNotContain("Database is already closed");
    }

    private static int liveness() {
        try {
            return gateway.http().get("/actuator/health/liveness").statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static JsonNode message(String id) throws IOException {
        return JSON.readTree(gateway.http().basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/messages/" + id).body());
    }
}
