package cn.sedx.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a running gateway as the tests of issue 16 need: its sample systems (regulators, an agency, local
 * systems), the campaign's records built from the fixtures for a unit and a day, submissions, message states and
 * what the simulators received.
 */
public final class CampaignGateway {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIES = new AtomicInteger(16_000);

    public final Http anonymous;
    public final Http province;
    public final Http county;
    public final Http tianheRegulator;
    public final Http guangzhouRegulator;
    public final Http agency;
    public final Http operator;
    public final Http auditor;

    public CampaignGateway(int port) {
        anonymous = new Http(port);
        province = anonymous.asProvince();
        county = anonymous.bearer(SampleCredentials.TIANHE_COUNTY_TOKEN);
        tianheRegulator = anonymous.bearer(SampleCredentials.TIANHE_REGULATOR_TOKEN);
        guangzhouRegulator = anonymous.bearer(SampleCredentials.GUANGZHOU_REGULATOR_TOKEN);
        agency = anonymous.bearer(SampleCredentials.GD_AGENCY_TOKEN);
        operator = anonymous.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
        auditor = anonymous.basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD);
    }

    /** A fresh valid credit code of a company registered in {@code region}. */
    public static String newUscc(String region) {
        return Uscc.numbered(region, SERIES.incrementAndGet());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Posts and expects {@code status}; returns the answer's body. */
    public static JsonNode post(Http client, String path, JsonNode body, int status) {
        HttpResponse<String> response = client.postJson(path, body.toString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return json(response);
    }

    /** The sample use unit's personnel filing, for a unit of credit code {@code uscc} in {@code region}. */
    public static ObjectNode personnelFiling(String uscc, String region) {
        ObjectNode filing = Fixtures.object("personnel-filing/valid-use-unit.json");
        ((ObjectNode) filing.get("unit")).put("uscc", uscc).put("regionCode", region);
        return filing;
    }

    /** Files the sample use unit for {@code uscc} in {@code region} (by the provincial system); its message id. */
    public String fileUnit(String uscc, String region) {
        return post(province, "/api/v1/personnel-filings", personnelFiling(uscc, region), 202).get("messageId")
                .asText();
    }

    /** A training record of the sample unit's officer 王芳, trained and assessed on {@code day}. */
    public static ObjectNode trainingRecord(String uscc, String region, LocalDate day) {
        ObjectNode record = Fixtures.object("training-record/valid-officer-trained-by-unit.json");
        record.put("unitUscc", uscc).put("regionCode", region).put("trainedOn", day.toString());
        ((ObjectNode) record.get("assessment")).put("assessedOn", day.toString());
        return record;
    }

    /** An order of the Tianhe regulator (or, for a unit outside Tianhe, of Guangzhou) to the unit. */
    public static ObjectNode order(String number, String uscc, String region, LocalDate issuedOn, LocalDate deadline) {
        ObjectNode order = Fixtures.object(region.equals("440106") ? "rectification-order/valid-order-no-director.json"
                : "rectification-order/valid-order-by-city-no-mechanism.json");
        return order.put("orderNumber", number).put("unitUscc", uscc).put("regionCode", region)
                .put("issuedOn", issuedOn.toString()).put("deadline", deadline.toString());
    }

    public static ObjectNode rectified(String number, LocalDate on) {
        ObjectNode change = Fixtures.object("rectification-order-change/valid-rectified-with-evidence.json");
        change.put("orderNumber", number);
        ((ObjectNode) change.get("rectification")).put("rectifiedOn", on.toString());
        return change;
    }

    public static ObjectNode penalised(String number, LocalDate on) {
        ObjectNode change = Fixtures.object("rectification-order-change/valid-penalised.json");
        change.put("orderNumber", number);
        ((ObjectNode) change.get("penalty")).put("decidedOn", on.toString());
        return change;
    }

    /** The sample inspection institute's report of the unit, inspected on {@code day}. */
    public static ObjectNode agencyReport(String uscc, String region, LocalDate day) {
        ObjectNode report = Fixtures.object("agency-report/valid-inspection-report.json");
        report.put("unitUscc", uscc).put("regionCode", region);
        ((ObjectNode) report.get("source")).put("date", day.toString());
        return report;
    }

    public JsonNode message(String id) {
        return json(operator.get("/api/v1/messages/" + id));
    }

    /** Waits until the message reaches {@code state}; returns its status. */
    public JsonNode awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(message(id).get("state").asText()).isEqualTo(state));
        return message(id);
    }

    /** What the simulators received of a message, one entry per attempt. */
    public ArrayNode received(String messageId) {
        return (ArrayNode) json(operator.get("/sim/received?messageId=" + messageId));
    }

    /** Tells a simulated destination how to answer ({@code OK}, {@code FAIL} with a status, …). */
    public void control(String destination, String mode, int status) {
        HttpResponse<String> answer = operator.postJson("/sim/control", "{\"destination\":\"" + destination
                + "\",\"mode\":\"" + mode + "\",\"status\":" + status + "}");
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    /** The tracked order as the operator sees it ({@code order} and {@code changes}). */
    public JsonNode order(String id) {
        return json(operator.get("/api/v1/rectification-orders/" + id));
    }
}
