package cn.sedx.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The document exchange's later callbacks: signed ones are recorded, unsigned or unknown ones refused. */
@GatewayTest
@TestPropertySource(properties = {"sedx.simulator.callback-delay=200ms"})
class DocumentExchangeCallbackTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/callbacks/document-exchange";

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
        http.asOperator().postJson("/sim/control", "{\"destination\":\"document-exchange\",\"mode\":\"OK\",\"callback\":\"NONE\"}");
    }

    @Test
    void recordsASignedReturnWithItsReason() throws Exception {
        String id = deliveredReport();

        HttpResponse<String> response = post(signed(callback(id, "RETURNED", "附件缺少印章"), "national-sm2"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode message = message(id);
        assertThat(message.get("state").asText()).isEqualTo("RETURNED");
        JsonNode last = message.get("history").get(message.get("history").size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo("document-exchange");
        assertThat(last.get("detail").asText()).contains("附件缺少印章");
        assertThat(message.at("/destinations/0/state").asText()).isEqualTo("RETURNED");
    }

    @Test
    void refusesAnUnsignedCallback() throws Exception {
        String id = deliveredReport();

        HttpResponse<String> response = post(http.request(PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(callback(id, "SIGNED_FOR", null))));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(message(id).get("state").asText()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void refusesACallbackWhoseBodyWasChangedAfterSigning() throws Exception {
        String id = deliveredReport();
        HttpRequest.Builder request = signed(callback(id, "SIGNED_FOR", null), "national-sm2");
        String tampered = callback(id, "RETURNED", "伪造");

        HttpResponse<String> response = post(request.POST(HttpRequest.BodyPublishers.ofString(tampered)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void refusesASignedCallbackForAnUnknownMessage() throws Exception {
        HttpResponse<String> response = post(signed(callback("no-such-message", "SIGNED_FOR", null),
                "national-sm2"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("MESSAGE_NOT_FOUND");
    }

    private String deliveredReport() throws Exception {
        HttpResponse<String> accepted = http.asProvince().postJson("/api/v1/year-end-reports",
                Fixtures.bytes("year-end-report/valid-report.json"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(message(id).get("state").asText()).isEqualTo("ACKNOWLEDGED"));
        return id;
    }

    private JsonNode message(String id) throws Exception {
        return JSON.readTree(http.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/messages/" + id).body());
    }

    private static String callback(String id, String status, String reason) throws Exception {
        var body = JSON.createObjectNode().put("messageId", id).put("status", status).put("reason", reason)
                .put("at", Instant.now().toString());
        return JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder signed(String body, String key) throws Exception {
        Signer signer = keys.signer(key);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.request(PATH)
                .header("Content-Type", "application/json")
                .header("X-Signature-Algorithm", signer.profile().headerValue())
                .header("X-Signature", Base64.getEncoder().encodeToString(signer.sign(bytes)))
                .header("X-Signer-Cert", Base64.getEncoder().encodeToString(signer.certificate().getEncoded()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private HttpResponse<String> post(HttpRequest.Builder request) {
        return http.send(request.build());
    }
}
