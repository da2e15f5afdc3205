package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@GatewayTest
@TestPropertySource(properties = {"sedx.simulator.callback-delay=200ms"})
class DeliveryFlowTests {

    @LocalServerPort
    int port;

    Gateway gateway;

    @BeforeEach
    void connect() {
        gateway = new Gateway(port);
        List.of("province-44", "province-11", "national-platform").forEach(d -> gateway.control(d, "OK"));
        gateway.control("{\"destination\":\"document-exchange\",\"mode\":\"OK\",\"callback\":\"SIGN_FOR\"}");
    }

    @Test
    void deliversAFilingSignedToItsProvinceAndAcknowledgesItOnTheVerifiedReceipt() {
        String id = gateway.submitFiling("440106");

        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));

        JsonNode received = gateway.received(id);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("destination").asText()).isEqualTo("province-44");
        assertThat(received.get(0).get("headers").get("x-signature-algorithm").asText()).isEqualTo("SM2-SM3");
        assertThat(received.get(0).get("headers").get("x-message-id").asText()).isEqualTo(id);
        JsonNode message = gateway.message(id);
        assertThat(states(message)).containsSubsequence("RECEIVED", "QUEUED", "SENT", "ACKNOWLEDGED");
        JsonNode delivery = message.get("destinations").get(0);
        assertThat(delivery.get("destination").asText()).isEqualTo("province-44");
        assertThat(delivery.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(delivery.get("attemptLog").get(0).get("detail").asText()).contains("receipt RECEIVED");
    }

    @Test
    void sendsAReportAsPackagesToTheDocumentExchangeAndItsCopyRecipientThenRecordsTheSignOff() {
        String id = gateway.submitReport("国家特种设备安全监管平台");

        gateway.awaitState(id, "SIGNED_FOR", Duration.ofSeconds(30));

        JsonNode received = gateway.received(id);
        List<String> destinations = new ArrayList<>();
        received.forEach(r -> destinations.add(r.get("destination").asText()));
        assertThat(destinations).containsExactlyInAnyOrder("document-exchange", "national-platform");
        assertThat(received.get(0).get("headers").get("content-type").asText()).isEqualTo("application/zip");
        assertThat(states(gateway.message(id))).containsSubsequence("QUEUED", "SENT", "ACKNOWLEDGED", "SIGNED_FOR");
    }

    @Test
    void answersMetricsAndHealthWithEachDestinationsBreaker() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode health = Gateway.read(gateway.getAsOperator("/actuator/health").body());
            assertThat(health.at("/components/deliveryBreakers/details/province-44").asText()).isEqualTo("CLOSED");
        });
        assertThat(gateway.getAsOperator("/actuator/metrics/sedx.delivery.breaker.state").statusCode())
                .isEqualTo(200);
    }

    static List<String> states(JsonNode message) {
        List<String> states = new ArrayList<>();
        message.get("history").forEach(h -> states.add(h.get("state").asText()));
        return states;
    }
}
