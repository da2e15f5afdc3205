package cn.sedx.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@GatewayTest
class RestIntakeTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PERSONNEL = Fixtures.bytes("personnel-filing/valid-use-unit.json");

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port).asProvince();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void acceptsFilingWith202AndLocationOfItsStatus() {
        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings", PERSONNEL, "Idempotency-Key", key());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        String id = body.get("messageId").asText();
        assertThat(body.get("type").asText()).isEqualTo("PERSONNEL_FILING");
        assertThat(body.get("state").asText()).isEqualTo("RECEIVED");
        assertThat(body.get("receivedAt").asText()).isNotBlank();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/messages/" + id);

        JsonNode status = json(http.get("/api/v1/messages/" + id));
        assertThat(status.get("type").asText()).isEqualTo("PERSONNEL_FILING");
        assertThat(status.get("history").get(0).get("state").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void handsAcceptedFilingToTheQueueAndRecordsIt() {
        String id = json(http.postJson("/api/v1/personnel-filings", PERSONNEL)).get("messageId").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode history = json(http.get("/api/v1/messages/" + id)).get("history");
            assertThat(history.findValuesAsText("state")).contains("RECEIVED", "QUEUED");
        });
    }

    @Test
    void answersTheFirstAnswerAgainForTheSameKeyAndBody() {
        String key = key();
        HttpResponse<String> first = http.postJson("/api/v1/personnel-filings", PERSONNEL, "Idempotency-Key", key);
        HttpResponse<String> again = http.postJson("/api/v1/personnel-filings", PERSONNEL, "Idempotency-Key", key);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again).get("messageId")).isEqualTo(json(first).get("messageId"));
        assertThat(json(again).get("receivedAt")).isEqualTo(json(first).get("receivedAt"));
        assertThat(json(again).get("state").asText()).isEqualTo("RECEIVED");
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = key();
        String firstId = json(http.postJson("/api/v1/personnel-filings", PERSONNEL, "Idempotency-Key", key))
                .get("messageId").asText();
        byte[] other = new String(PERSONNEL, StandardCharsets.UTF_8).replaceFirst("\\{", "{ ")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings", other, "Idempotency-Key", key);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_CONFLICT");
        assertThat(json(response).get("messageId").asText()).isEqualTo(firstId);
    }

    @Test
    void keysAreScopedToTheSubmittingSystemAndKeptAcrossTypes() {
        String key = key();
        http.postJson("/api/v1/personnel-filings", PERSONNEL, "Idempotency-Key", key);

        HttpResponse<String> response = http.postJson("/api/v1/safety-records",
                Fixtures.bytes("safety-record/valid-daily-check.json"), "Idempotency-Key", key);

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void refusesAMalformedIdempotencyKey() {
        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings", PERSONNEL, "Idempotency-Key",
                "x".repeat(129));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("code").asText()).isEqualTo("SCHEMA_VIOLATION");
    }

    @Test
    void refusesAnInvalidFilingListingEveryViolationAndStoresNothing() {
        long before = json(http.get("/api/v1/messages?size=1")).get("total").asLong();

        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/id-number-bad-check-digit.json"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        JsonNode violation = problem.get("violations").get(0);
        assertThat(violation.get("code").asText()).isEqualTo("ID_NUMBER_CHECKSUM");
        assertThat(violation.get("pointer").asText()).startsWith("/persons/");
        assertThat(violation.get("messageZh").asText()).isNotBlank();
        assertThat(violation.get("messageEn").asText()).isNotBlank();
        assertThat(json(http.get("/api/v1/messages?size=1")).get("total").asLong()).isEqualTo(before);
    }

    @Test
    void refusesAClassifiedReportWithItsOwnCode() {
        HttpResponse<String> response = http.postJson("/api/v1/year-end-reports",
                Fixtures.bytes("year-end-report/classified-document.json"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("violations").findValuesAsText("code")).contains("CLASSIFIED_DOCUMENT_REFUSED");
    }

    @Test
    void refusesABodyOverTheLimitDeclaredInContentLength() {
        byte[] big = oversizeJson(1024 * 1024 + 10);

        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] big = oversizeJson(1024 * 1024 + 10);
        HttpRequest request = http.request("/api/v1/safety-records")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();

        HttpResponse<String> response = http.send(request);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void givesYearEndReportsTheLargerLimit() {
        byte[] twoMebibytes = oversizeJson(2 * 1024 * 1024);

        HttpResponse<String> report = http.postJson("/api/v1/year-end-reports", twoMebibytes);
        HttpResponse<String> record = http.postJson("/api/v1/safety-records", twoMebibytes);

        assertThat(report.statusCode()).isEqualTo(422);
        assertThat(record.statusCode()).isEqualTo(413);
    }

    @Test
    void refusesOtherContentTypes() {
        HttpRequest request = http.request("/api/v1/personnel-filings")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PERSONNEL))
                .build();

        HttpResponse<String> response = http.send(request);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void refusesMalformedJsonWithWhereItBroke() {
        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings", "{\"unit\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(json(response).get("violations").get(0).get("messageEn").asText()).contains("line 1");
    }

    @Test
    void refusesDuplicateKeysAndTrailingContent() {
        assertThat(http.postJson("/api/v1/personnel-filings", "{\"a\":1,\"a\":2}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/personnel-filings", "{} {}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/personnel-filings", "[1,2]").statusCode()).isEqualTo(400);
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);

        HttpResponse<String> response = http.postJson("/api/v1/personnel-filings", deep);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("NESTING_TOO_DEEP");
    }

    @Test
    void listsMessagesFilteredByTypeAndPaged() {
        http.postJson("/api/v1/safety-records", Fixtures.bytes("safety-record/valid-daily-check.json"));
        http.postJson("/api/v1/personnel-filings", PERSONNEL);

        JsonNode page = json(http.get("/api/v1/messages?type=SAFETY_RECORD&page=0&size=1"));

        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("type").asText()).isEqualTo("SAFETY_RECORD");
        assertThat(http.get("/api/v1/messages?size=1000").statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/messages?type=NOPE").statusCode()).isEqualTo(422);
    }

    @Test
    void answersUnknownMessageWith404Problem() {
        HttpResponse<String> response = http.get("/api/v1/messages/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("MESSAGE_NOT_FOUND");
    }

    @Test
    void servesTheOpenApiDocumentAndTheSchemasItRefersTo() {
        HttpResponse<String> openApi = http.get("/api/v1/openapi.yaml");

        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("openapi: 3.1.0");
        for (String schema : new String[] {"personnel-filing", "safety-record", "year-end-report"}) {
            HttpResponse<String> response = http.get("/api/v1/" + schema + ".schema.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("$schema").asText()).contains("2020-12");
        }
        assertThat(http.get("/api/v1/nope.schema.json").statusCode()).isEqualTo(404);
    }

    private static byte[] oversizeJson(int size) {
        StringBuilder json = new StringBuilder("{\"padding\":\"");
        json.append("x".repeat(size));
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
