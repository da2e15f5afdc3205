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
    private static final String PERSONNEL = new String(Fixtures.bytes("personnel-filing/valid-use-unit.json"),
            StandardCharsets.UTF_8);
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
        String record = new String(Fixtures.bytes("safety-record/valid-daily-check.json"), StandardCharsets.UTF_8)
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
    void theComplianceViewIsOpenToSystemsWithinTheirJurisdiction() {
        expect("GET compliance 440106", http -> http.get("/api/v1/compliance?region=440106"),
                all(401, 401, 200, 200, 200, 200, 401));
        expect("GET compliance 44", http -> http.get("/api/v1/compliance?region=44"),
                Map.of("gd-province", 200, "tianhe-county", 403));
        expect("GET compliance 11", http -> http.get("/api/v1/compliance?region=11"),
                Map.of("gd-province", 403, "operator", 200));
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
