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
        // a record covers its own equipment category: the use unit has elevators (3000) and pressure vessels (2000)
        for (String category : new String[] {"3000", "2000"}) {
            submit("/api/v1/safety-records", record("valid-daily-check.json", "2026-11-27", category));
            submit("/api/v1/safety-records", record("valid-weekly-investigation.json", "2026-W47", category));
            submit("/api/v1/safety-records", record("valid-monthly-dispatch.json", "2026-10", category));
        }

        JsonNode report = read(operator().get("/api/v1/compliance?region=44&asOf=2026-11-28"));

        assertThat(report.at("/periods/weekly").asText()).isEqualTo("2026-W47");
        assertThat(report.at("/total/unitsFiled").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode tianhe = region(report, "440106");
        assertThat(tianhe.get("unitsFiled").asInt()).isEqualTo(1);
        assertThat(tianhe.get("unitsFullyStaffed").asInt()).isEqualTo(1);
        assertThat(tianhe.get("unitsWithMechanism").asInt()).isEqualTo(1);
        assertThat(tianhe.get("unitsMissing")).isEmpty();
        assertThat(tianhe.get("regionName").asText()).isEqualTo("广东省 广州市 天河区");
        JsonNode production = region(report, PRODUCTION_UNIT.substring(2, 8));
        assertThat(production.get("unitsWithDaily").asInt()).isZero();
        assertThat(production.at("/unitsMissing/0/uscc").asText()).isEqualTo(PRODUCTION_UNIT);
        assertThat(production.at("/unitsMissing/0/missing").toString())
                .contains("DAILY_CHECK", "WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH").doesNotContain("STAFFING");
    }

    @Test
    void aRecordOfOneCategoryDoesNotCoverTheUnitsOtherCategory() throws IOException {
        submit("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        submit("/api/v1/safety-records", record("valid-daily-check.json", "2026-11-17", "3000"));

        JsonNode report = read(operator().get("/api/v1/compliance?region=440106&asOf=2026-11-18"));

        JsonNode unit = region(report, "440106").at("/unitsMissing/0");
        assertThat(unit.at("/missingByCategory/2000").toString()).contains("DAILY_CHECK");
        assertThat(unit.at("/missingByCategory/3000").toString()).doesNotContain("DAILY_CHECK");
        assertThat(unit.get("unitKind").asText()).isEqualTo("USE");
        assertThat(unit.get("name").asText()).isEqualTo("广州天河城市物业管理有限公司");
    }

    @Test
    void answersADateRangeWithDaysMissedPerUnitAndCategory() throws IOException {
        submit("/api/v1/personnel-filings", Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        submit("/api/v1/safety-records", record("valid-daily-check.json", "2026-11-10", "3000"));

        JsonNode report = read(operator().get(
                "/api/v1/compliance?region=440106&asOf=2026-11-28&from=2026-11-09&to=2026-11-15"));

        JsonNode range = report.get("range");
        assertThat(range.get("from").asText()).isEqualTo("2026-11-09");
        assertThat(range.get("to").asText()).isEqualTo("2026-11-15");
        JsonNode tianhe = range.at("/regions/0");
        assertThat(tianhe.get("regionName").asText()).isEqualTo("广东省 广州市 天河区");
        JsonNode unit = null;
        for (JsonNode candidate : tianhe.get("units")) {
            unit = candidate.get("uscc").asText().equals(USE_UNIT) ? candidate : unit;
        }
        assertThat(unit).isNotNull();
        for (JsonNode category : unit.get("categories")) {
            assertThat(category.get("daysExpected").asInt()).isEqualTo(7);
        }
        assertThat(unit.at("/categories/0/category").asText()).isEqualTo("3000");
        assertThat(unit.at("/categories/0/categoryName").asText()).isEqualTo("电梯");
        // other tests of this context may file more records of the sample unit, never fewer: 11-10 is on file
        assertThat(unit.at("/categories/0/daysMissed").asInt()).isLessThanOrEqualTo(6);
    }

    @Test
    void refusesARangeThatRunsBackwardsOrHasNoEnd() {
        HttpResponse<String> backwards = operator().get("/api/v1/compliance?region=44&from=2026-11-20&to=2026-11-01");
        HttpResponse<String> open = operator().get("/api/v1/compliance?region=44&from=2026-11-20");
        HttpResponse<String> tooLong = operator().get("/api/v1/compliance?region=44&from=2024-01-01&to=2026-01-01");

        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("SCHEMA_VIOLATION", "\"pointer\":\"to\"");
        assertThat(open.statusCode()).isEqualTo(422);
        assertThat(tooLong.statusCode()).isEqualTo(422);
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
        ObjectNode record = Fixtures.object("safety-record/" + fixture);
        record.put("period", period);
        return JSON.writeValueAsBytes(record);
    }

    private static byte[] record(String fixture, String period, String category) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(record(fixture, period));
        return JSON.writeValueAsBytes(record.put("equipmentCategory", category));
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
