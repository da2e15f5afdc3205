package cn.sedx.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The year-end report's life as the follow-up list shows it. The document exchange's callbacks are played by
 * moving the stored message as the callback endpoint does.
 */
@GatewayTest
class YearEndReportExchangeTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUANGDONG = "11440000MB2C9876XY";

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    @Test
    void listsAReportSentThenSignedForAndWhoHasNotSent() throws IOException {
        String id = submit(report(2031), null);

        assertThat(entry(2031, GUANGDONG).get("status").asText()).isEqualTo("SENT");
        assertThat(entry(2031, "11110000MB0181234E").get("status").asText()).isEqualTo("NOT_SENT");

        store.transition(id, null, MessageState.SIGNED_FOR, "document-exchange", "已签收 signed for");

        JsonNode status = yearEnd(2031);
        JsonNode guangdong = entry(status, GUANGDONG);
        assertThat(guangdong.get("status").asText()).isEqualTo("SIGNED_FOR");
        assertThat(guangdong.get("messageId").asText()).isEqualTo(id);
        assertThat(guangdong.get("late").asBoolean()).isFalse();
        assertThat(status.at("/summary/signedFor").asInt()).isEqualTo(1);
        assertThat(status.at("/summary/notSent").asInt()).isEqualTo(1);
        assertThat(status.get("deadline").asText()).isEqualTo("2031-12-31");
    }

    @Test
    void resubmitsAReturnedReportAsANewVersionThatIsThenSignedFor() throws IOException {
        String original = submit(report(2032), null);
        store.transition(original, null, MessageState.RETURNED, "document-exchange", "已退回: 缺少附件说明");
        JsonNode returned = entry(2032, GUANGDONG);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("returnedReason").asText()).contains("缺少附件说明");

        String corrected = submit(report(2032), original);

        JsonNode resent = entry(2032, GUANGDONG);
        assertThat(resent.get("status").asText()).isEqualTo("SENT");
        assertThat(resent.get("versions")).extracting(JsonNode::asText).containsExactly(original, corrected);
        assertThat(store.find(corrected).orElseThrow().previousMessageId()).isEqualTo(original);
        store.transition(corrected, null, MessageState.SIGNED_FOR, "document-exchange", "已签收");
        assertThat(entry(2032, GUANGDONG).get("status").asText()).isEqualTo("SIGNED_FOR");
    }

    @Test
    void refusesToReplaceAReportThatWasNotReturned() throws IOException {
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

    private String submit(byte[] body, String replaces) throws IOException {
        String path = replaces == null ? "/api/v1/year-end-reports" : "/api/v1/year-end-reports?replaces=" + replaces;
        HttpResponse<String> response = new Http(port).asProvince().postJson(path, body, "Idempotency-Key", key());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("messageId").asText();
    }

    /** The sample report, of {@code year} (its issue date stays in the past, as validation demands). */
    private static byte[] report(int year) throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(Fixtures.bytes("year-end-report/valid-report.json"));
        report.put("year", year);
        return JSON.writeValueAsBytes(report);
    }

    private JsonNode yearEnd(int year) throws IOException {
        HttpResponse<String> response = new Http(port)
                .basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/reports/year-end?year=" + year);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode entry(int year, String uscc) throws IOException {
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

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
