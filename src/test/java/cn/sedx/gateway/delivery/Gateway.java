package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import cn.sedx.gateway.support.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Drives a running gateway over HTTP as the delivery tests need: submits filings for a province, reads message
 * states, and reads and controls the simulators.
 */
final class Gateway {

    /** A test-only submitting system for Beijing (jurisdiction 11); its token's SHA-256 is {@link #BJ_SHA256}. */
    static final String BJ_TOKEN = "sedx-test-bj-token-0123456789";
    static final String BJ_SHA256 = "78a4ed51f616b75daddbcf9eff3d1528de46142370aefeba24d5441a6f3bb05e";
    /** A test-only submitting system for Xinjiang (jurisdiction 65), a province with no destination. */
    static final String XJ_TOKEN = "sedx-test-xj-token-0123456789";
    static final String XJ_SHA256 = "8669accc5d14bc52aa4027540b6a2d0dd844fcb28bafb98d4cbec748e916c64f";

    static final ObjectMapper JSON = new ObjectMapper();

    final Http http;
    private final Http operator;

    Gateway(int port) {
        this.http = new Http(port);
        this.operator = http.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    /** Submits a valid personnel filing of a unit in {@code regionCode} (province 44, 11 or 65); returns its id. */
    String submitFiling(String regionCode) {
        HttpResponse<String> response = submitFilingAnswer(regionCode);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response.body()).get("messageId").asText();
    }

    /** As {@link #submitFiling}, whatever the gateway answers. */
    HttpResponse<String> submitFilingAnswer(String regionCode) {
        ObjectNode filing = Fixtures.object("personnel-filing/valid-use-unit.json");
        ObjectNode unit = (ObjectNode) filing.get("unit");
        unit.put("regionCode", regionCode);
        unit.put("uscc", Uscc.withRegion(unit.get("uscc").asText(), regionCode));
        Http submitter = switch (regionCode.substring(0, 2)) {
            case "11" -> http.bearer(BJ_TOKEN);
            case "65" -> http.bearer(XJ_TOKEN);
            default -> http.asProvince();
        };
        return submitter.postJson("/api/v1/personnel-filings", filing.toString());
    }

    /** Submits the sample year-end report with {@code copyRecipients} added to its 抄送; returns its id. */
    String submitReport(String... copyRecipients) {
        ObjectNode report = Fixtures.object("year-end-report/valid-report.json");
        for (String copy : copyRecipients) {
            ((ArrayNode) report.get("copyRecipients")).add(copy);
        }
        HttpResponse<String> response = http.asProvince().postJson("/api/v1/year-end-reports", report.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response.body()).get("messageId").asText();
    }

    JsonNode message(String id) {
        return read(operator.get("/api/v1/messages/" + id).body());
    }

    String state(String id) {
        return message(id).get("state").asText();
    }

    /** Waits until the message reaches {@code state}. */
    void awaitState(String id, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(state(id)).isEqualTo(state));
    }

    /**
     * Waits until a message of the Guangdong sample system reaches {@code state}, reading it as that system (a
     * token check: polling as the operator costs a bcrypt check per call).
     */
    void awaitOwnState(String id, String state, Duration atMost) {
        Http province = http.asProvince();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                read(province.get("/api/v1/messages/" + id).body()).path("state").asText()).isEqualTo(state));
    }

    /** Every reception the simulators keep, of every message (one operator check for all of them). */
    JsonNode receivedAll() {
        return read(operator.get("/sim/received").body());
    }

    JsonNode received(String messageId) {
        return read(operator.get("/sim/received?messageId=" + messageId).body());
    }

    /**
     * How many verified copies of {@code messageId} the simulator of {@code destination} received: the first and
     * every repeat (the simulator counts each, whether or not it still keeps the attempt).
     */
    int receptions(String messageId, String destination) {
        return read(http.get("/sim/receptions?messageId=" + messageId).body()).path(destination).asInt(0);
    }

    JsonNode health() {
        return read(operator.get("/actuator/health").body());
    }

    JsonNode stats() {
        return read(http.get("/sim/stats").body());
    }

    void control(String destination, String mode) {
        control("{\"destination\":\"" + destination + "\",\"mode\":\"" + mode + "\"}");
    }

    void control(String json) {
        assertThat(operator.postJson("/sim/control", json).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> asOperator(String path, String body) {
        return operator.postJson(path, body);
    }

    HttpResponse<String> getAsOperator(String path) {
        return operator.get(path);
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
