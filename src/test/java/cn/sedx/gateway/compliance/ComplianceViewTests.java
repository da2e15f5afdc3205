package cn.sedx.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@GatewayTest
class ComplianceViewTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USE_UNIT = "91440106MA59ABCDEX";
    private static final String PRODUCTION_UNIT = "91440112MA5CXYW121";

    @LocalServerPort
    int port;

    private Http province;

    @BeforeEach
    void client() {
        province = new Http(port).asProvince();
    }

    @Test
    void countsFiledStaffedUnitsAndTheirMechanismRecordsPerRegion() throws IOException {
        submit("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        submit("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/valid-production-unit.json"));
        submit("/api/v1/safety-records", record("valid-daily-check.json", "2026-11-27"));
        submit("/api/v1/safety-records", record("valid-weekly-investigation.json", "2026-W47"));
        submit("/api/v1/safety-records", record("valid-monthly-dispatch.json", "2026-10"));

        JsonNode report = read(operator().get("/api/v1/compliance?region=44&asOf=2026-11-28"));

        assertThat(report.at("/periods/weekly").asText()).isEqualTo("2026-W47");
        assertThat(report.at("/total/unitsFiled").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode tianhe = region(report, "440106");
        assertThat(tianhe.get("unitsFiled").asInt()).isEqualTo(1);
        assertThat(tianhe.get("unitsFullyStaffed").asInt()).isEqualTo(1);
        assertThat(tianhe.get("unitsWithMechanism").asInt()).isEqualTo(1);
        assertThat(tianhe.get("unitsMissing")).isEmpty();
        JsonNode production = region(report, PRODUCTION_UNIT.substring(2, 8));
        assertThat(production.get("unitsWithDaily").asInt()).isZero();
        assertThat(production.at("/unitsMissing/0/uscc").asText()).isEqualTo(PRODUCTION_UNIT);
        assertThat(production.at("/unitsMissing/0/missing").toString())
                .contains("DAILY_CHECK", "WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH").doesNotContain("STAFFING");
    }

    @Test
    void recordsOfAnotherPeriodDoNotCount() throws IOException {
        submit("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        submit("/api/v1/safety-records", record("valid-daily-check.json", "2026-11-20"));

        JsonNode report = read(operator().get("/api/v1/compliance?region=440106&asOf=2026-11-22"));

        JsonNode tianhe = region(report, "440106");
        assertThat(tianhe.get("unitsWithDaily").asInt()).isZero();
        assertThat(tianhe.at("/unitsMissing/0/missing").toString()).contains("DAILY_CHECK");
    }

    @Test
    void letsASystemSeeOnlyItsJurisdiction() {
        Http county = new Http(port).bearer(SampleCredentials.TIANHE_COUNTY_TOKEN);

        assertThat(county.get("/api/v1/compliance?region=440106").statusCode()).isEqualTo(200);
        HttpResponse<String> outside = county.get("/api/v1/compliance?region=44");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("OUT_OF_JURISDICTION");
    }

    @Test
    void letsAuditorsReadAndRefusesStrangers() {
        Http auditor = new Http(port).basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD);

        assertThat(auditor.get("/api/v1/compliance?region=11").statusCode()).isEqualTo(200);
        assertThat(new Http(port).get("/api/v1/compliance?region=44").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesARegionThatIsNotACodePrefix() {
        HttpResponse<String> response = operator().get("/api/v1/compliance?region=4%25");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("SCHEMA_VIOLATION");
    }

    private Http operator() {
        return new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private void submit(String path, byte[] body) {
        HttpResponse<String> response = province.postJson(path, body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static byte[] record(String fixture, String period) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(Fixtures.bytes("safety-record/" + fixture));
        record.put("period", period);
        return JSON.writeValueAsBytes(record);
    }

    private static JsonNode region(JsonNode report, String code) {
        for (JsonNode region : report.get("regions")) {
            if (region.get("regionCode").asText().equals(code)) {
                return region;
            }
        }
        throw new AssertionError("no region " + code + " in " + report);
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
