package cn.sedx.gateway.campaign;

import static cn.sedx.gateway.support.CampaignGateway.agencyReport;
import static cn.sedx.gateway.support.CampaignGateway.json;
import static cn.sedx.gateway.support.CampaignGateway.newUscc;
import static cn.sedx.gateway.support.CampaignGateway.order;
import static cn.sedx.gateway.support.CampaignGateway.post;
import static cn.sedx.gateway.support.CampaignGateway.rectified;
import static cn.sedx.gateway.support.CampaignGateway.trainingRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.CampaignGateway;
import cn.sedx.gateway.support.CampaignGatewayTest;
import cn.sedx.gateway.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The campaign's other records travel the existing pipeline: each type is delivered, signed, to its destination
 * and acknowledged on the platform's signed receipt; a platform's outage is retried; a refusal dead-letters the
 * delivery, and an operator's replay delivers it.
 */
@CampaignGatewayTest
class CampaignDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private CampaignGateway gateway;

    @BeforeEach
    void gateway() {
        gateway = new CampaignGateway(port);
    }

    @AfterEach
    void platformsBackToNormal() {
        gateway.control("province-44", "OK", 200);
        gateway.control("regulator-440106", "OK", 200);
    }

    @Test
    void deliversEveryNewTypeSignedAndIsAcknowledgedOnTheReceipt() {
        LocalDate today = clock.today();
        String uscc = newUscc("440106");
        gateway.fileUnit(uscc, "440106");
        String number = "穗天市监特令〔2026〕D" + System.nanoTime() + "号";
        String training = post(gateway.county, "/api/v1/training-records", trainingRecord(uscc, "440106", today),
                202).get("messageId").asText();
        String order = post(gateway.tianheRegulator, "/api/v1/rectification-orders",
                order(number, uscc, "440106", today, today.plusDays(20)), 202).get("messageId").asText();
        String change = post(gateway.county, "/api/v1/rectification-order-changes", rectified(number, today), 202)
                .get("messageId").asText();
        String report = post(gateway.agency, "/api/v1/agency-reports", agencyReport(uscc, "440106", today), 202)
                .get("messageId").asText();

        expectDelivered(training, "TRAINING_RECORD", "province-44");
        expectDelivered(order, "RECTIFICATION_ORDER", "province-44");
        expectDelivered(change, "RECTIFICATION_ORDER_CHANGE", "province-44");
        expectDelivered(report, "AGENCY_REPORT", "regulator-440106");
    }

    @Test
    void retriesATrainingRecordWhileTheProvincialPlatformIsDown() {
        gateway.control("province-44", "FAIL", 503);
        String uscc = newUscc("440106");
        String id = post(gateway.province, "/api/v1/training-records", trainingRecord(uscc, "440106",
                clock.today()), 202).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id, "RETRY") >= 2);
        gateway.control("province-44", "OK", 200);

        JsonNode status = gateway.awaitState(id, "ACKNOWLEDGED");
        assertThat(status.at("/destinations/0/attemptLog").findValuesAsText("outcome")).contains("RETRY")
                .endsWith("ACKNOWLEDGED");
    }

    @Test
    void deadLettersAnAgencyReportTheRegulatorRefusesAndDeliversItOnReplay() {
        gateway.control("regulator-440106", "FAIL", 400);
        String id = post(gateway.agency, "/api/v1/agency-reports", agencyReport(newUscc("440106"), "440106",
                clock.today()), 202).get("messageId").asText();

        JsonNode failed = gateway.awaitState(id, "FAILED");
        assertThat(failed.at("/destinations/0/lastErrorCode").asText()).isEqualTo("DESTINATION_REJECTED");
        gateway.control("regulator-440106", "OK", 200);
        JsonNode replay = json(gateway.operator.postJson("/api/v1/admin/replays", "{\"messageIds\": [\"" + id
                + "\"], \"reason\": \"regulator system fixed its intake\"}"));
        assertThat(replay.has("replayId")).as(replay.toString()).isTrue();

        JsonNode delivered = gateway.awaitState(id, "ACKNOWLEDGED");
        assertThat(delivered.get("history").findValuesAsText("state")).contains("FAILED", "REPLAYED");
        assertThat(gateway.received(id).findValuesAsText("outcome")).contains("RECEIVED");
    }

    private void expectDelivered(String id, String type, String destination) {
        JsonNode status = gateway.awaitState(id, "ACKNOWLEDGED");
        assertThat(status.get("type").asText()).isEqualTo(type);
        assertThat(status.at("/destinations/0/destination").asText()).isEqualTo(destination);
        assertThat(status.at("/destinations/0/attemptLog/0/detail").asText()).startsWith("receipt RECEIVED");
        JsonNode received = gateway.received(id).get(0);
        assertThat(received.get("destination").asText()).isEqualTo(destination);
        assertThat(received.at("/headers/x-signature-algorithm").asText()).isEqualTo("SM2-SM3");
        JsonNode body = parse(new String(Base64.getDecoder().decode(received.get("bodyBase64").asText()),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.get("messageId").asText()).isEqualTo(id);
        assertThat(body.get("messageType").asText()).isEqualTo(type);
    }

    private static JsonNode parse(String text) {
        try {
            return CampaignGateway.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private long attempts(String id, String outcome) {
        JsonNode log = gateway.message(id).at("/destinations/0/attemptLog");
        return log.findValuesAsText("outcome").stream().filter(outcome::equals).count();
    }
}
