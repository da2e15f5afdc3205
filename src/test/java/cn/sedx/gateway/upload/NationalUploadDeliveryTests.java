package cn.sedx.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Upload runs through the real delivery pipeline to the built-in national platform simulator, which verifies
 * every package and answers signed receipts.
 */
@GatewayTest
@TestPropertySource(properties = {"sedx.upload.max-records=8", "sedx.upload.settle-lag=0s",
        "sedx.upload.monitor-period=200ms", "sedx.upload.enabled=false",
        "sedx.delivery.destinations.national-platform.retry.initial-delay=200ms",
        "sedx.delivery.destinations.national-platform.retry.max-delay=1s",
        "sedx.delivery.destinations.national-platform.breaker.open-wait=1s"})
class NationalUploadDeliveryTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] FILING = Fixtures.bytes("personnel-filing/valid-use-unit.json");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void platformUpAndNothingLeftToUpload() {
        control("OK", 0);
        UploadBaseline.reset(jdbc);
    }

    @Test
    void uploadsEveryFilingOnceWithTheNationalPlatformUp() {
        List<String> filings = submit(5);

        String runId = trigger("first upload");

        await().atMost(Duration.ofSeconds(60)).until(() -> state(runId).equals("SUCCEEDED"));
        List<String> chunks = chunkMessages(runId);
        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(chunk -> assertThat(receptions(chunk)).as("copies of " + chunk).isEqualTo(1));
        assertThat(filingsReceived(chunks)).containsExactlyElementsOf(filings);
        assertThat(uploads().at("/watermark/id").asText()).isEqualTo(filings.get(4));
    }

    @Test
    void recoversFromAPlatformFailingHalfWayWithoutLosingOrRepeatingAChunk() {
        List<String> filings = submit(12);
        String watermarkBefore = uploads().at("/watermark/id").asText();
        long failedBefore = stats().at("/national-platform/failed").asLong();
        control("DELAY", 1500);
        String runId = trigger("half-way failure");
        await().atMost(Duration.ofSeconds(60)).until(() -> run(runId).get("chunksAcknowledged").asInt() >= 2);

        control("FAIL", 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stats().at("/national-platform/failed").asLong() >= failedBefore + 2);
        assertThat(run(runId).get("chunksAcknowledged").asInt()).isLessThan(6);
        assertThat(uploads().at("/watermark/id").asText()).as("watermark with only some chunks acknowledged")
                .isEqualTo(watermarkBefore);
        control("OK", 0);

        await().atMost(Duration.ofSeconds(90)).until(() -> state(runId).equals("SUCCEEDED"));
        List<String> chunks = chunkMessages(runId);
        assertThat(chunks).hasSize(6);
        for (String chunk : chunks) {
            assertThat(receptions(chunk)).as("copies of chunk " + chunk + " received").isEqualTo(1);
        }
        assertThat(chunks.stream().mapToInt(this::attempts).max().orElseThrow()).isGreaterThan(1);
        assertThat(filingsReceived(chunks)).containsExactlyElementsOf(filings);
        assertThat(uploads().at("/watermark/id").asText()).isEqualTo(filings.get(11));
    }

    private List<String> filingsReceived(List<String> chunks) {
        List<String> ids = new ArrayList<>();
        for (String chunk : chunks) {
            byte[] zip = Base64.getDecoder().decode(received(chunk).get(0).get("bodyBase64").asText());
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().equals(ChunkPackager.ENTRY)) {
                        new PersonnelBatchReader().read(in, filing -> ids.add(filing.messageId()));
                    }
                }
            } catch (Exception e) {
                throw new AssertionError("chunk " + chunk + " is not a readable package", e);
            }
        }
        return ids;
    }

    private List<JsonNode> received(String messageId) {
        List<JsonNode> accepted = new ArrayList<>();
        read(new Http(port).asOperator().get("/sim/received?messageId=" + messageId)).forEach(r -> {
            if (!"REJECTED".equals(r.path("outcome").asText())) {
                accepted.add(r);
            }
        });
        return accepted;
    }

    /** Every verified copy of {@code messageId} the national platform's simulator received. */
    private int receptions(String messageId) {
        return read(new Http(port).get("/sim/receptions?messageId=" + messageId)).path("national-platform").asInt();
    }

    private int attempts(String messageId) {
        return read(operator().get("/api/v1/messages/" + messageId)).at("/destinations/0/attempts").asInt();
    }

    private JsonNode stats() {
        return read(new Http(port).get("/sim/stats"));
    }

    private void control(String mode, long delayMs) {
        HttpResponse<String> response = new Http(port).asOperator().postJson("/sim/control",
                "{\"destination\":\"national-platform\",\"mode\":\"" + mode + "\",\"status\":503,"
                        + "\"delayMs\":" + delayMs + "}");
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private List<String> submit(int count) {
        Http province = new Http(port).asProvince();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = province.postJson("/api/v1/personnel-filings", FILING,
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(response.statusCode()).isEqualTo(202);
            ids.add(read(response).get("messageId").asText());
        }
        return ids;
    }

    private String trigger(String reason) {
        HttpResponse<String> response = operator().postJson("/api/v1/admin/uploads/personnel/run",
                "{\"reason\":\"" + reason + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response).get("id").asText();
    }

    private JsonNode uploads() {
        return read(operator().get("/api/v1/admin/uploads"));
    }

    private JsonNode run(String runId) {
        for (JsonNode run : uploads().get("runs")) {
            if (run.get("id").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("no run " + runId);
    }

    private String state(String runId) {
        return run(runId).get("state").asText();
    }

    private List<String> chunkMessages(String runId) {
        return jdbc.sql("SELECT message_id FROM upload_chunk WHERE run_id = ? ORDER BY seq").param(runId)
                .query(String.class).list();
    }

    private Http operator() {
        return new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
