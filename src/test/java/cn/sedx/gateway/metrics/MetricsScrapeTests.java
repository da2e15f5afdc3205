package cn.sedx.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /actuator/prometheus} of a running gateway carries its own metrics, read from real traffic. */
@GatewayTest
class MetricsScrapeTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @AfterEach
    void platformBackToNormal() {
        control("{\"destination\":\"province-44\",\"mode\":\"OK\"}");
    }

    @Test
    void countsFilingsByTypeChannelAndOutcome() {
        String[] accepted = {"type=\"PERSONNEL_FILING\"", "channel=\"REST\"", "outcome=\"accepted\""};
        String[] refused = {"type=\"PERSONNEL_FILING\"", "channel=\"REST\"", "outcome=\"refused\""};
        Scrape before = Scrape.of(port);

        String id = messageId(submit("personnel-filing/valid-use-unit.json"));
        assertThat(submit("personnel-filing/id-number-bad-check-digit.json").statusCode()).isEqualTo(422);

        Scrape after = Scrape.of(port);
        assertThat(after.sum("sedx_filings_received_total", accepted))
                .isEqualTo(before.sum("sedx_filings_received_total", accepted) + 1);
        assertThat(after.sum("sedx_filings_received_total", refused))
                .isEqualTo(before.sum("sedx_filings_received_total", refused) + 1);
        // delivered before the next test, which makes the platform fail: in flight then, it would be dead-lettered too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(state(id)).isEqualTo("ACKNOWLEDGED"));
    }

    @Test
    void showsTheBacklogOfADestinationThatFailsAndItsDrainWhenItRecovers() {
        control("{\"destination\":\"province-44\",\"mode\":\"FAIL\",\"status\":503}");
        String id = messageId(submit("personnel-filing/valid-use-unit.json"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Scrape scrape = Scrape.of(port);
            assertThat(scrape.value("sedx_destination_undelivered", "destination=\"province-44\"")).hasValueSatisfying(
                    undelivered -> assertThat(undelivered).isGreaterThanOrEqualTo(1));
            assertThat(scrape.value("sedx_destination_queue_depth", "destination=\"province-44\"")).hasValueSatisfying(
                    depth -> assertThat(depth).isGreaterThanOrEqualTo(1));
            assertThat(scrape.value("sedx_destination_oldest_undelivered_seconds", "destination=\"province-44\""))
                    .hasValueSatisfying(age -> assertThat(age).isPositive());
        });

        control("{\"destination\":\"province-44\",\"mode\":\"OK\"}");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(state(id)).isEqualTo("ACKNOWLEDGED"));
    }

    @Test
    void countsDeadLettersPerDestination() {
        // nothing else on its way to province-44 when it starts failing, or that would be dead-lettered as well
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(Scrape.of(port).value("sedx_destination_undelivered", "destination=\"province-44\""))
                        .hasValue(0.0));
        double before = Scrape.of(port).value("sedx_destination_dead_letters", "destination=\"province-44\"")
                .orElseThrow();
        control("{\"destination\":\"province-44\",\"mode\":\"FAIL\",\"status\":400}");
        String id = messageId(submit("personnel-filing/valid-use-unit.json"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(state(id)).isEqualTo("FAILED"));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Scrape.of(port).value("sedx_destination_dead_letters", "destination=\"province-44\""))
                        .hasValue(before + 1));
    }

    @Test
    void showsDaysToEachSigningCertificatesExpiryAndTheAuditChain() {
        Scrape scrape = Scrape.of(port);

        assertThat(scrape.value("sedx_signing_certificate_expiry_days", "key=\"gateway-sm2\""))
                .hasValueSatisfying(days -> assertThat(days).isGreaterThan(300));
        assertThat(scrape.value("sedx_audit_chain_sealed")).isPresent();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Scrape.of(port).value("sedx_audit_chain_intact")).hasValue(1.0));
    }

    @Test
    void servesMetricsToOperatorsAndAuditorsOnly() {
        Http http = new Http(port);

        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.asProvince().get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(http.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> submit(String fixture) {
        return new Http(port).asProvince().postJson("/api/v1/personnel-filings", Fixtures.bytes(fixture),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private void control(String json) {
        assertThat(new Http(port).asOperator().postJson("/sim/control", json).statusCode()).isEqualTo(200);
    }

    private String state(String id) {
        return read(new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/messages/" + id).body()).get("state").asText();
    }

    private static String messageId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response.body()).get("messageId").asText();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
