package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Platforms that fail, reject, answer badly or are slow, and what the relay makes of it. */
@GatewayTest
@TestPropertySource(properties = {
    "sedx.delivery.destinations.province-44.read-timeout=2s",
    "sedx.delivery.destinations.province-44.retry.initial-delay=200ms",
    "sedx.delivery.destinations.province-44.retry.max-delay=1s",
    "sedx.delivery.destinations.province-44.breaker.open-wait=1s",
    "sedx.delivery.destinations.province-11.retry.initial-delay=200ms",
    "sedx.delivery.destinations.province-11.retry.max-delay=500ms",
    "sedx.delivery.destinations.province-11.retry.give-up-after=3s",
    "sedx.delivery.destinations.province-11.breaker.open-wait=500ms",
    "sedx.replay.dispatch-period=200ms",
    "sedx.security.systems.bj-test.display-name=Beijing test system",
    "sedx.security.systems.bj-test.jurisdiction=11",
    "sedx.security.systems.bj-test.message-types=PERSONNEL_FILING,SAFETY_RECORD",
    "sedx.security.systems.bj-test.token-sha256=" + Gateway.BJ_SHA256,
    "sedx.security.systems.xj-test.display-name=Xinjiang test system",
    "sedx.security.systems.xj-test.jurisdiction=65",
    "sedx.security.systems.xj-test.message-types=PERSONNEL_FILING",
    "sedx.security.systems.xj-test.token-sha256=" + Gateway.XJ_SHA256})
class DeliveryFailureTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedActiveMQ broker;

    Gateway gateway;

    @BeforeEach
    void platformsUp() {
        gateway = new Gateway(port);
        List.of("province-44", "province-11", "national-platform", "document-exchange")
                .forEach(d -> gateway.control(d, "OK"));
    }

    @Test
    void deliversEverythingOnceWhenThePlatformComesBackAfterBeingDown() {
        gateway.control("province-44", "FAIL");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(gateway.submitFiling("440106"));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(gateway.health().at("/components/deliveryBreakers/details/province-44").asText())
                        .isEqualTo("OPEN"));
        JsonNode stuck = Gateway.read(gateway.getAsOperator("/api/v1/admin/stuck?olderThan=PT0.1S").body());
        assertThat(stuck.get("count").asInt()).isPositive();

        gateway.control("province-44", "OK");

        ids.forEach(id -> gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30)));
        for (String id : ids) {
            // every verified copy counted: a re-send (answered DUPLICATE) would make it 2
            assertThat(gateway.receptions(id, "province-44")).as("copies of " + id + " received").isEqualTo(1);
            assertThat(gateway.received(id).findValuesAsText("outcome")).doesNotContain("REJECTED");
            assertThat(DeliveryFlowTests.states(gateway.message(id))).doesNotContain("FAILED");
        }
        assertThat(gateway.message(ids.get(0)).at("/destinations/0/attempts").asInt()).isGreaterThan(1);
    }

    @Test
    void deadLettersWhenRetriesRunOutAndDeliversOnReplay() {
        gateway.control("province-11", "FAIL");
        String id = gateway.submitFiling("110105");

        gateway.awaitState(id, "FAILED", Duration.ofSeconds(30));
        JsonNode delivery = gateway.message(id).at("/destinations/0");
        assertThat(delivery.get("lastErrorCode").asText()).isEqualTo("DELIVERY_EXPIRED");
        assertThat(delivery.get("attempts").asInt()).isGreaterThan(1);

        gateway.control("province-11", "OK");
        JsonNode dryRun = Gateway.read(gateway.asOperator("/api/v1/admin/replays",
                "{\"filter\":{\"state\":\"FAILED\",\"destination\":\"province-11\"},\"dryRun\":true,"
                        + "\"reason\":\"check before replay\"}").body());
        assertThat(dryRun.get("messageIds")).extracting(JsonNode::asText).contains(id);
        HttpResponse<String> replay = gateway.asOperator("/api/v1/admin/replays",
                "{\"messageIds\":[\"" + id + "\"],\"reason\":\"platform back after maintenance\","
                        + "\"ratePerSecond\":10}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);

        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));
        JsonNode message = gateway.message(id);
        assertThat(DeliveryFlowTests.states(message)).containsSubsequence("FAILED", "REPLAYED", "SENT",
                "ACKNOWLEDGED");
        JsonNode replayed = findState(message, "REPLAYED");
        assertThat(replayed.get("actor").asText()).isEqualTo("operator");
        assertThat(replayed.get("detail").asText()).contains("platform back after maintenance");
        String replayId = Gateway.read(replay.body()).get("replayId").asText();
        JsonNode progress = Gateway.read(gateway.getAsOperator("/api/v1/admin/replays/" + replayId).body());
        assertThat(progress.get("done").asInt()).isEqualTo(1);
        assertThat(progress.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAReplayWithoutAReason() {
        String id = gateway.submitFiling("440106");

        HttpResponse<String> replay = gateway.asOperator("/api/v1/admin/replays",
                "{\"messageIds\":[\"" + id + "\"]}");

        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(replay.body()).contains("REASON_REQUIRED");
    }

    @Test
    void deadLettersAPlatformsRefusalAtOnceWithoutRetrying() {
        gateway.control("{\"destination\":\"province-44\",\"mode\":\"FAIL\",\"status\":422}");
        String id = gateway.submitFiling("440106");

        gateway.awaitState(id, "FAILED", Duration.ofSeconds(20));

        JsonNode delivery = gateway.message(id).at("/destinations/0");
        assertThat(delivery.get("lastErrorCode").asText()).isEqualTo("DESTINATION_REJECTED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.at("/attemptLog/0/httpStatus").asInt()).isEqualTo(422);
    }

    @Test
    void deadLettersABadReceiptSignatureAtOnceWithoutRetrying() {
        gateway.control("province-44", "BAD_RECEIPT");
        String id = gateway.submitFiling("440106");

        gateway.awaitState(id, "FAILED", Duration.ofSeconds(20));

        JsonNode delivery = gateway.message(id).at("/destinations/0");
        assertThat(delivery.get("lastErrorCode").asText()).isEqualTo("RECEIPT_INVALID");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(gateway.received(id)).hasSize(1);
    }

    @Test
    void deliversToOneProvinceWhileBothLanesOfAnotherAreHeldByASlowPlatform() {
        gateway.control("{\"destination\":\"province-11\",\"mode\":\"DELAY\",\"delayMs\":8000}");
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slow.add(gateway.submitFiling("110105"));
        }
        // both lanes of province-11 hold an attempt the platform has not answered
        await().atMost(Duration.ofSeconds(10)).until(() -> delivering("sedx.delivery.province-11") == 2);

        String fast = gateway.submitFiling("440106");
        gateway.awaitState(fast, "ACKNOWLEDGED", Duration.ofSeconds(10));

        assertThat(delivering("sedx.delivery.province-11")).as("province-11 still busy").isEqualTo(2);
        assertThat(slow).allSatisfy(id -> assertThat(gateway.state(id)).isNotEqualTo("ACKNOWLEDGED"));
        gateway.control("province-11", "OK");
        slow.forEach(id -> gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30)));
    }

    private long delivering(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getDeliveringCount();
    }

    @Test
    void retriesADroppedConnectionUntilThePlatformAnswers() {
        gateway.control("province-44", "DROP");
        String id = gateway.submitFiling("440106");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(gateway.message(id).at("/destinations/0/attempts").asInt()).isGreaterThanOrEqualTo(2));
        JsonNode delivery = gateway.message(id).at("/destinations/0");
        assertThat(delivery.get("state").asText()).isEqualTo("SENT");
        assertThat(delivery.get("lastErrorCode").asText()).isEqualTo("DESTINATION_UNAVAILABLE");

        gateway.control("province-44", "OK");

        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));
    }

    @Test
    void failsAFilingOfAProvinceWithoutADestination() {
        String id = gateway.submitFiling("650102");

        gateway.awaitState(id, "FAILED", Duration.ofSeconds(20));

        JsonNode message = gateway.message(id);
        assertThat(findState(message, "FAILED").get("detail").asText()).startsWith("NO_DESTINATION");
        assertThat(message.get("destinations")).isEmpty();
    }

    private static JsonNode findState(JsonNode message, String state) {
        for (JsonNode change : message.get("history")) {
            if (change.get("state").asText().equals(state)) {
                return change;
            }
        }
        throw new AssertionError("no " + state + " in history");
    }
}
