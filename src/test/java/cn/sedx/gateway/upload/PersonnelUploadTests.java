package cn.sedx.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.console.ConsoleClient;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The bookkeeping of upload runs through the REST API, with delivery switched off: the national platform's
 * receipts are played by moving each chunk's message as delivery does (ACKNOWLEDGED, or FAILED when
 * dead-lettered), so every step can be observed. {@link NationalUploadDeliveryTests} runs the real pipeline.
 */
@GatewayTest
@TestPropertySource(properties = {"sedx.upload.max-records=8", "sedx.upload.settle-lag=0s",
        "sedx.upload.monitor-period=200ms", "sedx.upload.enabled=false", "sedx.delivery.enabled=false"})
class PersonnelUploadTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] FILING = Fixtures.bytes("personnel-filing/valid-use-unit.json");

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UploadSettlement settlement;

    @BeforeEach
    void nothingLeftToUpload() {
        UploadBaseline.reset(jdbc);
    }

    @Test
    void uploadsInChunksAndAdvancesTheWatermarkOnlyWhenEveryChunkIsAcknowledged() {
        String watermarkBefore = uploads().at("/watermark/id").asText();
        List<String> filings = submit(5);

        JsonNode run = trigger("nightly run missed");
        assertThat(run.get("state").asText()).isEqualTo("RUNNING");
        String runId = run.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> find(runId).get("chunksSent").asInt() == 3
                && find(runId).get("progress").asInt() == 100);
        List<String> chunks = chunkMessages(runId);
        acknowledge(chunks.subList(0, 2));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> find(runId).get("state").asText().equals("RUNNING"));
        assertThat(find(runId).get("chunksAcknowledged").asInt()).isEqualTo(2);
        assertThat(uploads().at("/watermark/id").asText()).as("watermark with two of three chunks acknowledged")
                .isEqualTo(watermarkBefore);

        acknowledge(chunks.subList(2, 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> find(runId).get("state").asText().equals("SUCCEEDED"));
        JsonNode done = find(runId);
        assertThat(done.get("chunksAcknowledged").asInt()).isEqualTo(3);
        assertThat(done.get("records").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(uploads().at("/watermark/id").asText()).isEqualTo(filings.get(4));

        List<String> later = submit(2);
        String next = trigger("two late filings").get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> find(next).get("chunksSent").asInt() == 1);
        assertThat(find(next).get("totalFilings").asInt()).isEqualTo(2);
        acknowledge(chunkMessages(next));
        await().atMost(Duration.ofSeconds(10)).until(() -> find(next).get("state").asText().equals("SUCCEEDED"));
        assertThat(uploads().at("/watermark/id").asText()).isEqualTo(later.get(1));
    }

    @Test
    void resumesAFailedRunWithoutResendingAcknowledgedChunks() {
        submit(6);
        String runId = trigger("resume test").get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> find(runId).get("progress").asInt() == 100
                && chunkMessages(runId).size() == 3);
        List<String> first = chunkMessages(runId);
        acknowledge(first.subList(0, 1));
        store.transition(first.get(1), null, MessageState.FAILED, "gateway", "DESTINATION_REJECTED (test)");
        await().atMost(Duration.ofSeconds(10)).until(() -> find(runId).get("state").asText().equals("FAILED"));

        // a resumed run whose node has not yet re-sent the dead-lettered chunk is not failed again on that chunk
        jdbc.sql("UPDATE upload_run SET state = 'RUNNING', produced_all = FALSE, heartbeat_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), runId).update();
        settlement.settleAll();
        assertThat(find(runId).get("state").asText()).isEqualTo("RUNNING");
        jdbc.sql("UPDATE upload_run SET state = 'FAILED' WHERE id = ?").param(runId).update();

        JsonNode resumed = trigger("platform fixed, resume");

        assertThat(resumed.get("id").asText()).isEqualTo(runId);
        await().atMost(Duration.ofSeconds(20)).until(() -> !chunkMessages(runId).get(1).equals(first.get(1)));
        List<String> second = chunkMessages(runId);
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(second.get(2)).isEqualTo(first.get(2));
        assertThat(store.find(second.get(1)).orElseThrow().previousMessageId()).isEqualTo(first.get(1));
        acknowledge(second.subList(1, 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> find(runId).get("state").asText().equals("SUCCEEDED"));
        assertThat(find(runId).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void leavesOutAStoredFilingItCannotWriteRecordsWhyAndUploadsTheOthers() {
        List<String> before = submit(2);
        // wave-1 data: accepted before intake refused text XML cannot carry, stored as it came (in clear)
        String planted = plant(new String(FILING, java.nio.charset.StandardCharsets.UTF_8)
                .replace("广州天河城市物业管理有限公司", "广州天河\\u0000物业"));
        List<String> after = submit(2);

        String runId = trigger("wave-1 filing with a NUL").get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> find(runId).get("progress").asInt() == 100
                && find(runId).get("chunksSent").asInt() == 2);
        acknowledge(chunkMessages(runId));

        await().atMost(Duration.ofSeconds(10)).until(() -> find(runId).get("state").asText().equals("SUCCEEDED"));
        JsonNode done = find(runId);
        assertThat(done.get("filings").asInt()).isEqualTo(4);
        assertThat(done.get("filingsSkipped").asInt()).isEqualTo(1);
        assertThat(done.at("/skipped/0/messageId").asText()).isEqualTo(planted);
        assertThat(done.at("/skipped/0/code").asText()).isEqualTo("TRANSFORM_FAILED");
        assertThat(done.at("/skipped/0/reason").asText()).contains("batch XML").doesNotContain("\u0000");
        assertThat(uploads().at("/watermark/id").asText()).isEqualTo(after.get(1));
        assertThat(before).doesNotContain(planted);
        String page = new ConsoleClient(port).signedIn(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/console/uploads/" + runId).body();
        assertThat(page).as("the operator console lists the filing left out").contains(planted)
                .contains("TRANSFORM_FAILED").contains("未能写入批量 XML 而略过的填报").doesNotContain("\u0000");
    }

    private String plant(String payload) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO message (id, type, state, submitting_system, channel, unit_uscc, region_code,"
                        + " body_sha256, payload_size, received_at, updated_at)"
                        + " VALUES (?, 'PERSONNEL_FILING', 'ACKNOWLEDGED', 'gd-province', 'REST', '91440106MA59ABCDEX',"
                        + " '440106', ?, ?, ?, ?)")
                .params(id, "0".repeat(64), payload.length(), now, now)
                .update();
        jdbc.sql("INSERT INTO message_payload (message_id, payload) VALUES (?, ?)")
                .params(id, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
        return id;
    }

    @Test
    void refusesATriggerWithoutAReasonOrFromAnAuditor() {
        HttpResponse<String> bare = operator().postJson("/api/v1/admin/uploads/personnel/run", "{}");
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(bare.body()).contains("REASON_REQUIRED");

        HttpResponse<String> auditor = new Http(port)
                .basic(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD)
                .postJson("/api/v1/admin/uploads/personnel/run", "{\"reason\":\"just looking\"}");
        assertThat(auditor.statusCode()).isEqualTo(403);
    }

    private List<String> submit(int count) {
        Http province = new Http(port).asProvince();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            HttpResponse<String> response = province.postJson("/api/v1/personnel-filings", FILING,
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(response.statusCode()).isEqualTo(202);
            return read(response).get("messageId").asText();
        }).toList();
    }

    private JsonNode trigger(String reason) {
        HttpResponse<String> response = operator().postJson("/api/v1/admin/uploads/personnel/run",
                "{\"reason\":\"" + reason + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response);
    }

    private JsonNode uploads() {
        HttpResponse<String> response = operator().get("/api/v1/admin/uploads");
        assertThat(response.statusCode()).isEqualTo(200);
        return read(response);
    }

    private JsonNode find(String runId) {
        for (JsonNode run : uploads().get("runs")) {
            if (run.get("id").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("no run " + runId);
    }

    private List<String> chunkMessages(String runId) {
        return jdbc.sql("SELECT message_id FROM upload_chunk WHERE run_id = ? ORDER BY seq").param(runId)
                .query(String.class).list();
    }

    private void acknowledge(List<String> messages) {
        messages.forEach(id -> store.transition(id, null, MessageState.ACKNOWLEDGED, "national-platform", "receipt"));
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
