package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of hostile and broken requests: each gets its documented status and code, nothing from it is
 * stored, and the gateway goes on accepting a good filing right after.
 */
@GatewayTest
class BadInputCorpusTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] VALID = Fixtures.bytes("personnel-filing/valid-use-unit.json");
    private static final String PATH = "/api/v1/personnel-filings";
    private static final String REUSED_KEY = "corpus-reused-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http province;

    @BeforeEach
    void client() {
        province = new Http(port).asProvince();
    }

    static Stream<Arguments> corpus() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        String laughs = "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        return Stream.of(
                bad("malformed JSON", json("{\"unit\": {"), 400, "MALFORMED_JSON"),
                bad("JSON array instead of object", json("[]"), 400, "MALFORMED_JSON"),
                bad("wrong types", json("{\"filingKind\": 7, \"unit\": \"x\", \"persons\": {}}"), 422,
                        "VALIDATION_FAILED"),
                bad("huge string", json("{\"unit\":{\"name\":\"" + "长".repeat(400_000) + "\"}}"), 413,
                        "PAYLOAD_TOO_LARGE"),
                bad("deep nesting", json("[".repeat(5000) + "]".repeat(5000)), 400, "NESTING_TOO_DEEP"),
                bad("XXE as XML", http -> http.send(http.request(PATH).header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xxe)).build()), 415, "UNSUPPORTED_MEDIA_TYPE"),
                bad("entity expansion text inside JSON", json("{\"unit\":{\"name\":\"" + laughs.replace("\"", "\\\"")
                        + "\"}}"), 422, "VALIDATION_FAILED"),
                bad("no content type", http -> http.send(http.request(PATH)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(VALID)).build()), 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                bad("missing credentials", http -> new Http(portOf(http)).postJson(PATH, VALID), 401,
                        "UNAUTHENTICATED"),
                bad("forged token", http -> new Http(portOf(http)).bearer(SampleCredentials.GD_PROVINCE_TOKEN + "0")
                        .postJson(PATH, VALID), 401, "UNAUTHENTICATED"),
                bad("operator password guessed", http -> new Http(portOf(http)).basic("operator", "operator")
                        .postJson(PATH, VALID), 401, "UNAUTHENTICATED"),
                bad("idempotency key replayed with another body", http -> http.postJson(PATH,
                        new String(VALID, StandardCharsets.UTF_8).replace("陈建国", "陈建军"), "Idempotency-Key",
                        REUSED_KEY), 409, "IDEMPOTENCY_KEY_CONFLICT"),
                // ---- issue 13: the new fields and parameters ----
                bad("unknown identity document type", json(person("\"idType\": \"DRIVING_LICENCE\"")), 422,
                        "VALIDATION_FAILED"),
                bad("passport number with control characters", json(person(
                        "\"idType\": \"PASSPORT\", \"nationality\": \"USA\"").replace("\"440106197503122016\"",
                        "\"E1234\\u0000\\u001b678\"")), 422, "VALIDATION_FAILED"),
                bad("nationality longer than three letters", json(person(
                        "\"idType\": \"PASSPORT\", \"nationality\": \"UNITED STATES\"")), 422, "VALIDATION_FAILED"),
                bad("safety record with an overlong region code", http -> http.postJson("/api/v1/safety-records",
                        new String(Fixtures.bytes("safety-record/valid-daily-check.json"), StandardCharsets.UTF_8)
                                .replace("\"period\"", "\"regionCode\": \"4401061\", \"period\"")), 422,
                        "VALIDATION_FAILED"),
                bad("compliance range that is not a date", http -> operator(http)
                        .get("/api/v1/compliance?region=44&from=yesterday&to=today"), 422, "SCHEMA_VIOLATION"),
                bad("compliance range without its end", http -> operator(http)
                        .get("/api/v1/compliance?region=44&from=2026-11-01"), 422, "SCHEMA_VIOLATION"),
                // ---- issue 16: orders, their changes, agencies' reports, computed figures ----
                bad("rectification order from an agency", http -> as(http, SampleCredentials.GD_AGENCY_TOKEN)
                        .postJson("/api/v1/rectification-orders", fixture("rectification-order/"
                                + "valid-order-no-director.json")), 403, "FORBIDDEN"),
                bad("agency report under another approval number", http -> as(http,
                        SampleCredentials.GD_AGENCY_TOKEN).postJson("/api/v1/agency-reports", fixture(
                                "agency-report/valid-inspection-report.json").replace("TS7110001-2027",
                                "TS7110999-2027")), 422, "APPROVAL_NUMBER_MISMATCH"),
                bad("agency report whose attachment is not base64", http -> as(http, SampleCredentials.GD_AGENCY_TOKEN)
                        .postJson("/api/v1/agency-reports", fixture("agency-report/attachment-not-base64.json")),
                        422, "VALIDATION_FAILED"),
                bad("change of an order that does not exist", http -> as(http,
                        SampleCredentials.TIANHE_REGULATOR_TOKEN).postJson("/api/v1/rectification-order-changes",
                                fixture("rectification-order-change/unknown-order.json")), 422,
                        "VALIDATION_FAILED"),
                bad("OVERDUE submitted by a system", http -> as(http, SampleCredentials.TIANHE_REGULATOR_TOKEN)
                        .postJson("/api/v1/rectification-order-changes", fixture(
                                "rectification-order-change/overdue-submitted.json")), 422, "VALIDATION_FAILED"),
                bad("rectification orders of an unknown status", http -> operator(http)
                        .get("/api/v1/rectification-orders?status=FORGOTTEN"), 422, "SCHEMA_VIOLATION"),
                bad("agency reports of a region that is no prefix", http -> operator(http)
                        .get("/api/v1/agency-reports?region=44a"), 422, "SCHEMA_VIOLATION"),
                bad("agency reports page too large", http -> operator(http)
                        .get("/api/v1/agency-reports?size=100000"), 422, "SCHEMA_VIOLATION"),
                bad("year-end figures without a region", http -> operator(http)
                        .get("/api/v1/reports/year-end/figures?year=2026"), 422, "SCHEMA_VIOLATION"));
    }

    private static String fixture(String path) {
        return new String(Fixtures.bytes(path), StandardCharsets.UTF_8);
    }

    private static Http as(Http http, String token) {
        return new Http(portOf(http)).bearer(token);
    }

    /** The valid filing with the first person's {@code idType} and the fields given added after it. */
    private static String person(String fields) {
        return new String(VALID, StandardCharsets.UTF_8).replaceFirst("\"role\": \"PRINCIPAL\",",
                "\"role\": \"PRINCIPAL\", " + fields + ",");
    }

    private static Http operator(Http http) {
        return new Http(portOf(http)).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private static int portOf(Http http) {
        return Integer.parseInt(http.base().substring(http.base().lastIndexOf(':') + 1));
    }

    private static Function<Http, HttpResponse<String>> json(String body) {
        return http -> http.postJson(PATH, body);
    }

    private static Arguments bad(String name, Function<Http, HttpResponse<String>> request, int status,
            String code) {
        return Arguments.of(name, request, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersItsDocumentedCodeStoresNothingAndKeepsServing(String name,
            Function<Http, HttpResponse<String>> request, int status, String code) throws Exception {
        province.postJson(PATH, VALID, "Idempotency-Key", REUSED_KEY);
        long stored = jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single();

        HttpResponse<String> response = request.apply(province);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).as(name).isEqualTo(code);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single()).isEqualTo(stored);
        assertThat(province.postJson(PATH, VALID).statusCode()).isEqualTo(202);
    }
}
