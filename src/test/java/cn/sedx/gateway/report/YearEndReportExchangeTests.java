package cn.sedx.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.NodeList;

/**
 * The year-end report's exchange with the built-in document exchange simulator (signed receipts, then a signed
 * 已签收 or 已退回 callback), as the follow-up list and the message history show it.
 */
@GatewayTest
class YearEndReportExchangeTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUANGDONG = "11440000MB2C9876XY";
    private static final Duration EXCHANGE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void sendsAReportThatIsSignedForAndListsWhoHasNotSent() {
        exchangeWill("SIGN_FOR", null);
        String id = submit(report(2031), null);

        await().atMost(EXCHANGE).until(() -> entry(2031, GUANGDONG).get("status").asText().equals("SIGNED_FOR"));

        JsonNode status = yearEnd(2031);
        JsonNode guangdong = entry(status, GUANGDONG);
        assertThat(guangdong.get("messageId").asText()).isEqualTo(id);
        assertThat(guangdong.get("late").asBoolean()).isFalse();
        assertThat(entry(status, "11110000MB0181234E").get("status").asText()).isEqualTo("NOT_SENT");
        assertThat(status.at("/summary/signedFor").asInt()).isEqualTo(1);
        assertThat(status.get("deadline").asText()).isEqualTo("2031-12-31");
        assertThat(states(id)).containsSubsequence("RECEIVED", "SENT", "ACKNOWLEDGED", "SIGNED_FOR");
    }

    @Test
    void resubmitsAReturnedReportAsANewVersionThatIsThenSignedFor() throws Exception {
        exchangeWill("RETURN", "缺少附件说明");
        String original = submit(report(2032), null);
        await().atMost(EXCHANGE).until(() -> entry(2032, GUANGDONG).get("status").asText().equals("RETURNED"));
        assertThat(entry(2032, GUANGDONG).get("returnedReason").asText()).contains("缺少附件说明");

        exchangeWill("SIGN_FOR", null);
        String corrected = submit(report(2032), original);

        await().atMost(EXCHANGE).until(() -> entry(2032, GUANGDONG).get("status").asText().equals("SIGNED_FOR"));
        JsonNode entry = entry(2032, GUANGDONG);
        assertThat(entry.get("versions")).extracting(JsonNode::asText).containsExactly(original, corrected);
        assertThat(message(corrected).get("previousMessageId").asText()).isEqualTo(original);
        assertThat(states(original)).endsWith("RETURNED");
        assertThat(states(corrected)).containsSubsequence("ACKNOWLEDGED", "SIGNED_FOR");
        assertThat(manifestText(original, "version")).isEqualTo("1");
        assertThat(manifestText(original, "previousMessageId")).isNull();
        assertThat(manifestText(corrected, "version")).isEqualTo("2");
        assertThat(manifestText(corrected, "previousMessageId")).isEqualTo(original);
    }

    /** The text of an element of the manifest the document exchange received for a message, or null. */
    private String manifestText(String messageId, String element) throws Exception {
        JsonNode received = read(new Http(port).asOperator().get("/sim/received?messageId=" + messageId));
        byte[] zip = Base64.getDecoder().decode(received.path(0).path("bodyBase64").asText());
        byte[] manifest = null;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("manifest.xml")) {
                    manifest = entries.readAllBytes();
                }
            }
        }
        assertThat(manifest).as("manifest.xml of " + messageId).isNotNull();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(manifest))
                .getElementsByTagNameNS("*", element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void refusesToReplaceAReportThatWasNotReturned() {
        exchangeWill("NONE", null);
        String original = submit(report(2033), null);

        HttpResponse<String> response = new Http(port).asProvince().postJson(
                "/api/v1/year-end-reports?replaces=" + original, report(2033), "Idempotency-Key", key());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("PREVIOUS_VERSION_INVALID");
    }

    @Test
    void refusesAClassifiedReportAtIntake() {
        HttpResponse<String> response = new Http(port).asProvince().postJson("/api/v1/year-end-reports",
                Fixtures.bytes("year-end-report/classified-document.json"), "Idempotency-Key", key());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("CLASSIFIED_DOCUMENT_REFUSED");
    }

    @Test
    void isForOperatorsAndAuditorsOnly() {
        assertThat(new Http(port).asProvince().get("/api/v1/reports/year-end?year=2026").statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD)
                .get("/api/v1/reports/year-end?year=2026").statusCode()).isEqualTo(200);
    }

    private void exchangeWill(String callback, String reason) {
        String body = "{\"destination\":\"document-exchange\",\"mode\":\"OK\",\"callback\":\"" + callback
                + "\",\"callbackDelayMs\":200" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        HttpResponse<String> response = new Http(port).asOperator().postJson("/sim/control", body);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private String submit(byte[] body, String replaces) {
        String path = replaces == null ? "/api/v1/year-end-reports" : "/api/v1/year-end-reports?replaces=" + replaces;
        HttpResponse<String> response = new Http(port).asProvince().postJson(path, body, "Idempotency-Key", key());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response).get("messageId").asText();
    }

    /** The sample report, of {@code year} (its issue date stays in the past, as validation demands). */
    private static byte[] report(int year) {
        try {
            ObjectNode report = Fixtures.object("year-end-report/valid-report.json");
            report.put("year", year);
            return JSON.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode message(String id) {
        return read(operator().get("/api/v1/messages/" + id));
    }

    private List<String> states(String id) {
        List<String> states = new ArrayList<>();
        message(id).get("history").forEach(change -> states.add(change.get("state").asText()));
        return states;
    }

    private JsonNode yearEnd(int year) {
        HttpResponse<String> response = operator().get("/api/v1/reports/year-end?year=" + year);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    private JsonNode entry(int year, String uscc) {
        return entry(yearEnd(year), uscc);
    }

    private static JsonNode entry(JsonNode status, String uscc) {
        for (JsonNode organisation : status.get("organisations")) {
            if (organisation.get("uscc").asText().equals(uscc)) {
                return organisation;
            }
        }
        throw new AssertionError("no organisation " + uscc + " in " + status);
    }

    private Http operator() {
        return new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
