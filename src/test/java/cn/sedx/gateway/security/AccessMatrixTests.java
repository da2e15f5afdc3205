package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import cn.sedx.gateway.support.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Each caller × each endpoint × inside and outside jurisdiction answers what the access rules say. The matrix
 * sends forged tokens and wrong passwords on purpose, many times from one address, so its gateway does not
 * throttle failed authentication as the default would (ThrottlingTests covers that).
 */
@GatewayTest
@TestPropertySource(properties = "sedx.security.failed-authentication.max-failures=100000")
class AccessMatrixTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSONNEL = Fixtures.text("personnel-filing/valid-use-unit.json");
    private static final String USCC = "91440106MA59ABCDEX";

    @LocalServerPort
    int port;

    private Map<String, Http> callers;

    @BeforeEach
    void callers() {
        Http anonymous = new Http(port);
        callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous);
        callers.put("forged-token", anonymous.bearer("sedx-sample-gd-province-000000000000000000000000"));
        callers.put("gd-province", anonymous.bearer(SampleCredentials.GD_PROVINCE_TOKEN));
        callers.put("tianhe-county", anonymous.bearer(SampleCredentials.TIANHE_COUNTY_TOKEN));
        callers.put("operator", anonymous.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD));
        callers.put("auditor", anonymous.basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD));
        callers.put("wrong-password", anonymous.basic(SampleCredentials.OPERATOR, "guess"));
        // issue 16: the new system kinds
        callers.put("tianhe-regulator", anonymous.bearer(SampleCredentials.TIANHE_REGULATOR_TOKEN));
        callers.put("guangzhou-regulator", anonymous.bearer(SampleCredentials.GUANGZHOU_REGULATOR_TOKEN));
        callers.put("gd-inspection-agency", anonymous.bearer(SampleCredentials.GD_AGENCY_TOKEN));
    }

    private static String personnelIn(String region) {
        return PERSONNEL.replace(USCC, Uscc.withRegion(USCC, region)).replace("\"regionCode\": \"440106\"",
                "\"regionCode\": \"" + region + "\"");
    }

    private void expect(String endpoint, Function<Http, HttpResponse<String>> call, Map<String, Integer> statuses) {
        statuses.forEach((caller, status) -> assertThat(call.apply(callers.get(caller)).statusCode())
                .as("%s by %s", endpoint, caller)
                .isEqualTo(status));
    }

    private static Map<String, Integer> all(int anonymous, int forged, int province, int county, int operator,
            int auditor, int wrongPassword) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("anonymous", anonymous);
        statuses.put("forged-token", forged);
        statuses.put("gd-province", province);
        statuses.put("tianhe-county", county);
        statuses.put("operator", operator);
        statuses.put("auditor", auditor);
        statuses.put("wrong-password", wrongPassword);
        return statuses;
    }

    @Test
    void submissionsInsideTheCountyAreOpenToBothSystemsOnly() {
        expect("POST personnel 440106", http -> http.postJson("/api/v1/personnel-filings", personnelIn("440106")),
                all(401, 401, 202, 202, 403, 403, 401));
    }

    @Test
    void aCityElsewhereInTheProvinceIsOutsideTheCountysJurisdiction() {
        expect("POST personnel 440305", http -> http.postJson("/api/v1/personnel-filings", personnelIn("440305")),
                Map.of("gd-province", 202, "tianhe-county", 403));
        HttpResponse<String> refused = callers.get("tianhe-county")
                .postJson("/api/v1/personnel-filings", personnelIn("440305"));
        assertThat(code(refused)).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(json(refused).get("violations").get(0).get("pointer").asText()).isEqualTo("/unit/regionCode");
    }

    @Test
    void anotherProvinceIsOutsideEveryGuangdongSystem() {
        expect("POST personnel 110105", http -> http.postJson("/api/v1/personnel-filings", personnelIn("110105")),
                Map.of("gd-province", 403, "tianhe-county", 403));
        assertThat(code(callers.get("gd-province").postJson("/api/v1/personnel-filings", personnelIn("110105"))))
                .isEqualTo("OUT_OF_JURISDICTION");
    }

    @Test
    void safetyRecordsTakeTheirRegionFromTheUnitsCreditCode() {
        String record = Fixtures.text("safety-record/valid-daily-check.json")
                .replace(USCC, Uscc.withRegion(USCC, "440305"));
        expect("POST safety record 440305", http -> http.postJson("/api/v1/safety-records", record),
                Map.of("gd-province", 202, "tianhe-county", 403));
    }

    @Test
    void onlySystemsAllowedTheTypeMaySubmitYearEndReports() {
        byte[] report = Fixtures.bytes("year-end-report/valid-report-without-main-recipients.json");
        expect("POST year-end report", http -> http.postJson("/api/v1/year-end-reports", report),
                all(401, 401, 202, 403, 403, 403, 401));
        assertThat(code(callers.get("tianhe-county").postJson("/api/v1/year-end-reports", report)))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aSystemReadsOnlyItsOwnMessagesWhileOperatorsAndAuditorsReadAll() {
        String id = json(callers.get("gd-province").postJson("/api/v1/personnel-filings", personnelIn("440106")))
                .get("messageId").asText();
        callers.get("tianhe-county").postJson("/api/v1/personnel-filings", personnelIn("440106"));

        expect("GET message of gd-province", http -> http.get("/api/v1/messages/" + id),
                all(401, 401, 200, 404, 200, 200, 401));
        JsonNode countyView = json(callers.get("tianhe-county").get("/api/v1/messages?submittingSystem=gd-province"));
        assertThat(countyView.get("total").asLong()).isPositive();
        assertThat(countyView.get("items").findValuesAsText("submittingSystem")).containsOnly("tianhe-county");
        JsonNode operatorView = json(callers.get("operator").get("/api/v1/messages?submittingSystem=gd-province"));
        assertThat(operatorView.get("items").findValuesAsText("submittingSystem")).containsOnly("gd-province");
    }

    @Test
    void adminReadsAreForOperatorsAndAuditors() {
        expect("GET audit verify", http -> http.get("/api/v1/admin/audit/verify"),
                all(401, 401, 403, 403, 200, 200, 401));
    }

    @Test
    void adminChangesAreForOperatorsOnlyAndNeedAReason() {
        String withReason = "{\"reason\":\"daily check of the chain by the duty operator\"}";
        expect("POST head signature", http -> http.postJson("/api/v1/admin/audit/head-signatures", withReason),
                all(401, 401, 403, 403, 201, 403, 401));
        assertThat(callers.get("operator").postJson("/api/v1/admin/audit/head-signatures", "{}").statusCode())
                .isEqualTo(422);
    }

    @Test
    void operationsReadsAreForOperatorsAndAuditors() {
        Map<String, Integer> readers = all(401, 401, 403, 403, 200, 200, 401);
        expect("GET stuck", http -> http.get("/api/v1/admin/stuck"), readers);
        expect("GET uploads", http -> http.get("/api/v1/admin/uploads"), readers);
        expect("GET year-end report follow-up", http -> http.get("/api/v1/reports/year-end?year=2026"), readers);
    }

    @Test
    void replaysAndUploadTriggersAreForOperatorsOnly() {
        String dryRun = "{\"filter\": {\"state\": \"FAILED\"}, \"dryRun\": true, \"reason\": \"matrix check\"}";
        expect("POST replay (dry run)", http -> http.postJson("/api/v1/admin/replays", dryRun),
                all(401, 401, 403, 403, 200, 403, 401));
        String trigger = "{\"reason\": \"matrix check of the trigger\"}";
        expect("POST upload trigger", http -> http.postJson("/api/v1/admin/uploads/personnel/run", trigger),
                Map.of("anonymous", 401, "gd-province", 403, "tianhe-county", 403, "auditor", 403));
        // 202 when it starts a run; 409 when a run happens to be under way already
        assertThat(callers.get("operator").postJson("/api/v1/admin/uploads/personnel/run", trigger).statusCode())
                .isIn(202, 409);
    }

    @Test
    void reSealingTheStoreIsForOperatorsOnlyAndNeedsAReason() {
        String reseal = "{\"reason\": \"matrix check of re-sealing\", \"limit\": 10}";
        expect("POST store reseal", http -> http.postJson("/api/v1/admin/store/reseal", reseal),
                all(401, 401, 403, 403, 200, 403, 401));
        assertThat(callers.get("operator").postJson("/api/v1/admin/store/reseal", "{}").statusCode()).isEqualTo(422);
    }

    @Test
    void theComplianceViewIsOpenToSystemsWithinTheirJurisdiction() {
        expect("GET compliance 440106", http -> http.get("/api/v1/compliance?region=440106"),
                all(401, 401, 200, 200, 200, 200, 401));
        expect("GET compliance 44", http -> http.get("/api/v1/compliance?region=44"),
                Map.of("gd-province", 200, "tianhe-county", 403));
        expect("GET compliance 11", http -> http.get("/api/v1/compliance?region=11"),
                Map.of("gd-province", 403, "operator", 200));
    }

    // ---- issue 16: regulators, agencies and the campaign's other records ----

    private static final String ORDER = Fixtures.text("rectification-order/valid-order-no-director.json");

    private static String orderOf(String number) {
        return ORDER.replace("穗天市监特令〔2026〕12号", number);
    }

    @Test
    void anAgencyCannotSubmitOrdersNorARegulatorAgencyReports() {
        String number = "穗天市监特令〔2026〕M" + System.nanoTime() + "号";
        expect("POST rectification order", http -> http.postJson("/api/v1/rectification-orders", orderOf(number)),
                Map.of("anonymous", 401, "gd-inspection-agency", 403, "gd-province", 403, "tianhe-county", 403,
                        "operator", 403, "guangzhou-regulator", 202));
        assertThat(code(callers.get("gd-inspection-agency").postJson("/api/v1/rectification-orders",
                orderOf(number + "x")))).isEqualTo("FORBIDDEN");
        byte[] report = Fixtures.bytes("agency-report/valid-inspection-report.json");
        expect("POST agency report", http -> http.postJson("/api/v1/agency-reports", report),
                Map.of("tianhe-regulator", 403, "gd-province", 403, "gd-inspection-agency", 202));
    }

    @Test
    void aRegulatorOrdersOnlyWithinItsJurisdiction() {
        String number = "穗天市监特令〔2026〕J" + System.nanoTime() + "号";
        String elsewhere = orderOf(number).replace("\"regionCode\": \"440106\",\n  \"unitName\"",
                "\"regionCode\": \"440104\",\n  \"unitName\"");
        HttpResponse<String> refused = callers.get("tianhe-regulator").postJson("/api/v1/rectification-orders",
                elsewhere);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("OUT_OF_JURISDICTION");
    }

    @Test
    void aRegulatorReadsAgencyReportsOfItsJurisdictionOnly() {
        expect("GET agency reports 440106", http -> http.get("/api/v1/agency-reports?region=440106"),
                Map.of("anonymous", 401, "forged-token", 401, "tianhe-regulator", 200, "guangzhou-regulator", 200,
                        "operator", 200, "auditor", 200));
        expect("GET agency reports 44", http -> http.get("/api/v1/agency-reports?region=44"),
                Map.of("tianhe-regulator", 403, "guangzhou-regulator", 403, "operator", 200));
        assertThat(code(callers.get("tianhe-regulator").get("/api/v1/agency-reports?region=4401")))
                .isEqualTo("OUT_OF_JURISDICTION");
    }

    @Test
    void aUnitsSystemCannotReadAgencyReportsAboutOthers() {
        String id = json(callers.get("gd-inspection-agency").postJson("/api/v1/agency-reports",
                Fixtures.bytes("agency-report/valid-inspection-report.json"))).get("messageId").asText();

        expect("GET agency reports", http -> http.get("/api/v1/agency-reports"),
                Map.of("gd-province", 403, "tianhe-county", 403, "gd-inspection-agency", 403));
        expect("GET agency report", http -> http.get("/api/v1/agency-reports/" + id),
                Map.of("tianhe-county", 403, "gd-province", 403, "tianhe-regulator", 200, "guangzhou-regulator", 200,
                        "gd-inspection-agency", 200, "auditor", 200, "anonymous", 401));
        expect("GET message of the agency", http -> http.get("/api/v1/messages/" + id),
                Map.of("tianhe-county", 404, "tianhe-regulator", 404, "gd-inspection-agency", 200));
    }

    @Test
    void rectificationOrdersAndYearEndFiguresAreReadByTheirSystemsOperatorsAndAuditors() {
        expect("GET rectification orders", http -> http.get("/api/v1/rectification-orders"),
                Map.of("anonymous", 401, "tianhe-regulator", 200, "gd-province", 200, "operator", 200, "auditor",
                        200));
        expect("GET year-end figures 44", http -> http.get("/api/v1/reports/year-end/figures?year=2026&region=44"),
                Map.of("anonymous", 401, "gd-province", 200, "tianhe-county", 403, "gd-inspection-agency", 200,
                        "tianhe-regulator", 403, "operator", 200, "auditor", 200));
        expect("POST rectification order change", http -> http.postJson("/api/v1/rectification-order-changes",
                "{}"), Map.of("anonymous", 401, "operator", 403, "gd-inspection-agency", 403, "tianhe-county", 422));
    }

    @Test
    void batchUploadsAreForSystemsAndTheirStatusForEveryCaller() {
        byte[] jsonl = ("{\"type\":\"PERSONNEL_FILING\",\"filing\":" + personnelIn("440106").replace("\n", "")
                + "}\n").getBytes(StandardCharsets.UTF_8);
        expect("POST batch", http -> http.postFile("/api/v1/batches", "matrix.jsonl", jsonl),
                all(401, 401, 202, 202, 403, 403, 401));
        String id = json(callers.get("gd-province").postFile("/api/v1/batches", "matrix.jsonl", jsonl))
                .get("batchId").asText();
        expect("GET batch of gd-province", http -> http.get("/api/v1/batches/" + id),
                all(401, 401, 200, 404, 200, 200, 401));
        expect("GET batch report", http -> http.get("/api/v1/batches/" + id + "/reports/matrix.jsonl.summary.json"),
                Map.of("anonymous", 401, "tianhe-county", 404, "operator", 403, "auditor", 403));
    }

    @Test
    void templatesAreForEveryAuthenticatedCaller() {
        for (String template : new String[] {"personnel-filing", "safety-record", "training-record"}) {
            expect("GET template " + template, http -> http.get("/api/v1/templates/" + template + ".xlsx"),
                    all(401, 401, 200, 200, 200, 200, 401));
        }
        expect("GET unknown template", http -> http.get("/api/v1/templates/other.xlsx"), Map.of("gd-province", 404));
    }

    @Test
    void contractsAndHealthArePublic() {
        expect("GET openapi", http -> http.get("/api/v1/openapi.yaml"), Map.of("anonymous", 200));
        expect("GET health", http -> http.get("/actuator/health"), Map.of("anonymous", 200));
    }

    @Test
    void healthDetailsAreForOperatorsAndAuditorsOnly() {
        Map<String, Boolean> seesDetails = Map.of("anonymous", false, "gd-province", false, "tianhe-county", false,
                "operator", true, "auditor", true);
        seesDetails.forEach((caller, details) -> {
            HttpResponse<String> health = callers.get(caller).get("/actuator/health");
            assertThat(health.statusCode()).as("health by %s", caller).isEqualTo(200);
            assertThat(json(health).has("components")).as("health details for %s", caller).isEqualTo(details);
            if (!details) {
                assertThat(health.body()).as(caller).doesNotContain("CN=", "diskSpace", "path");
            }
        });
    }

    @Test
    void whatTheSimulatorsReceivedIsForOperatorsAndAuditorsAndTheirControlForOperators() {
        expect("GET sim received", http -> http.get("/sim/received?messageId=none"),
                all(401, 401, 403, 403, 200, 200, 401));
        String harmless = "{\"destination\":\"province-11\",\"mode\":\"OK\"}";
        expect("POST sim control", http -> http.postJson("/sim/control", harmless),
                all(401, 401, 403, 403, 200, 403, 401));
        expect("GET sim stats", http -> http.get("/sim/stats"), Map.of("anonymous", 200));
        expect("GET sim receptions", http -> http.get("/sim/receptions?messageId=none"), Map.of("anonymous", 200));
    }

    @Test
    void unknownPathsAreDenied() {
        expect("GET unknown", http -> http.get("/api/v1/nothing-here"),
                Map.of("anonymous", 403, "gd-province", 403, "operator", 403));
    }

    @Test
    void refusalsAnswerProblemBodiesInBothLanguages() {
        HttpResponse<String> response = callers.get("anonymous").postJson("/api/v1/personnel-filings", PERSONNEL);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(code(response)).isEqualTo("UNAUTHENTICATED");
        assertThat(json(response).get("title").asText()).contains("未认证").contains("Authentication");
    }

    private static String code(HttpResponse<String> response) {
        return json(response).get("code").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
