package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's operations end to end on a real gateway: the message page and the download of exactly what was
 * sent, a dead letter replayed with a reason (and refused without one), a signed test connection, the compliance
 * export. Shares the access tests' gateway; leaves the simulators as it found them.
 */
@GatewayTest
@TestPropertySource(properties = "sedx.security.failed-authentication.max-failures=100000")
class ConsoleOperationsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPLAY = Pattern.compile("/console/replays/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @AfterEach
    void platformsBackToNormal() {
        control("province-44", "OK", null);
        control("national-platform", "OK", null);
    }

    @Test
    void theMessagePageShowsTheHistoryMaskedAndTheExactRequestSentCanBeDownloaded() {
        String id = submit();
        awaitState(id, "ACKNOWLEDGED");
        ConsoleClient operator = operator();

        String page = operator.get("/console/messages/" + id).body();
        assertThat(page).contains("已确认").contains("accepted via REST").contains("province-44")
                .contains("&quot;RECEIVED&quot;").doesNotContain("440106197503122016").contains("440106********2016")
                .doesNotContain("13800138000").contains("138****8000");
        HttpResponse<byte[]> download = operator.download("/console/messages/" + id + "/sent/province-44");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment").contains(id + "-province-44.json"));
        assertThat(download.body()).isEqualTo(receivedBySimulator(id, "province-44"));
        assertThat(operator.get("/console/audit?action=CONSOLE_SENT_DOWNLOADED&messageId=" + id).body())
                .contains("operator").contains("downloaded the request sent to province-44");
    }

    @Test
    void aRefusalNamesNeitherTheMessageNorTheDestinationAskedFor() {
        ConsoleClient operator = operator();
        String unknown = "0badc0de-feed-4bad-8bad-5ec0de000001";
        HttpResponse<String> missing = operator.get("/console/messages/" + unknown);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("报文不存在").doesNotContain("feed-4bad");

        String id = submit();
        HttpResponse<String> nothingSent = operator.get("/console/messages/" + id + "/sent/nowhere-reflected");
        assertThat(nothingSent.statusCode()).isEqualTo(404);
        assertThat(nothingSent.body()).contains("未记录向该目标平台发送的内容").doesNotContain("nowhere-reflected");

        HttpResponse<String> hostile = operator.get("/console/messages/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(hostile.statusCode()).isIn(400, 404, 422);
        assertThat(hostile.body()).doesNotContain("script", "alert");
    }

    @Test
    void aDeadLetterIsReplayedWithAReasonAndThePageSaysWhoWhenAndWhy() {
        control("province-44", "FAIL", 400);
        String id = submit();
        awaitState(id, "FAILED");
        ConsoleClient operator = operator();
        assertThat(operator.get("/console/dead-letters").body()).contains(id);
        assertThat(operator.get("/console/replays/preview?ids=" + id).body()).contains("将重放 1 条报文").contains(id);

        HttpResponse<String> noReason = operator.post("/console/replays", operator.token(), "ids", id, "reason", "");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("变更操作须说明理由").contains("理由须为 4 至 500 个字符");
        operator.get("/console/?lang=en");
        assertThat(operator.post("/console/replays", operator.token(), "ids", id, "reason", "").body())
                .contains("the reason must be 4 to 500 characters");

        control("province-44", "OK", null);
        HttpResponse<String> replay = operator.post("/console/replays", operator.token(), "ids", id, "reason",
                "province platform back after its maintenance", "rate", "5");
        assertThat(replay.statusCode()).isEqualTo(302);
        Matcher replayId = REPLAY.matcher(replay.headers().firstValue("Location").orElseThrow());
        assertThat(replayId.find()).isTrue();
        awaitState(id, "ACKNOWLEDGED");

        assertThat(operator.get("/console/replays/" + replayId.group(1)).body()).contains("1 / 1")
                .contains("province platform back after its maintenance");
        assertThat(operator.get("/console/messages/" + id).body()).contains("data-testid=\"replayed-by\"")
                .contains("province platform back after its maintenance").contains("Replayed");
    }

    @Test
    void testConnectionMakesOneSignedProbeAndShowsTheAnswer() {
        ConsoleClient operator = operator();
        HttpResponse<String> probe = operator.post("/console/destinations/province-44/probe", operator.token());
        assertThat(probe.statusCode()).isEqualTo(302);
        String page = operator.get("/console/destinations").body();
        assertThat(page).contains("data-testid=\"probe-result\"").contains("PROBE_OK").contains("verified")
                .contains("/sim/provincial/province-44/probe");

        control("national-platform", "FAIL", 503);
        operator.post("/console/destinations/national-platform/probe", operator.token());
        assertThat(operator.get("/console/destinations").body()).contains("HTTP <strong>503</strong>")
                .contains("SIMULATED_FAILURE");
        assertThat(operator.get("/console/audit?action=CONSOLE_PROBE").body()).contains("test connection to");
    }

    @Test
    void theComplianceViewNamesTheWeeklyReportAsTheOrdersAndTheNoticeDo() {
        assertThat(operator().get("/console/compliance?region=44").body()).contains("每周安全排查治理报告", "排查整治报告");
    }

    @Test
    void theComplianceViewExportsCsvWithAByteOrderMark() {
        HttpResponse<byte[]> csv = operator().download("/console/compliance/export.csv?region=44&rows=regions");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFregion_code,units_filed,units_fully_staffed");
        assertThat(text.lines().skip(1).findFirst()).hasValueSatisfying(total -> assertThat(total).startsWith("44,"));
    }

    @Test
    void listsTheExcelTemplatesAndDownloadsOneThatPoiReadsBack() throws Exception {
        ConsoleClient operator = operator();
        String page = operator.get("/console/templates").body();
        assertThat(page).contains("data-testid=\"template-personnel-filing\"", "data-testid=\"template-safety-record\"",
                "data-testid=\"template-training-record\"", "/console/templates/safety-record.xlsx");

        HttpResponse<byte[]> workbook = operator.download("/console/templates/safety-record.xlsx");

        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("safety-record.xlsx"));
        try (var read = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                workbook.body()))) {
            assertThat(read.getSheetAt(0).getSheetName()).isEqualTo("日管控周排查月调度记录");
            assertThat(read.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("recordNumber");
        }
        assertThat(operator.get("/console/templates/no-such.xlsx").statusCode()).isEqualTo(404);
        assertThat(new ConsoleClient(port).signedIn(SampleCredentials.AUDITOR, SampleCredentials.AUDITOR_PASSWORD)
                .download("/console/templates/training-record.xlsx").statusCode()).isEqualTo(200);
        assertThat(new ConsoleClient(port).download("/console/templates/training-record.xlsx").headers()
                .firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/console/sign-in"));
    }

    @Test
    void anUploadIsTriggeredWithAReasonAndNotWithout() {
        ConsoleClient operator = operator();
        HttpResponse<String> noReason = operator.post("/console/uploads/run", operator.token(), "reason", " ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("变更操作须说明理由");

        HttpResponse<String> triggered = operator.post("/console/uploads/run", operator.token(), "reason",
                "national platform asked for today's figures");
        // 302 to the run it opened, or 409 (with the API's text) when a run of another test is still under way
        assertThat(triggered.statusCode()).isIn(302, 409);
        if (triggered.statusCode() == 302) {
            String run = operator.get(triggered.headers().firstValue("Location").orElseThrow()
                    .replaceFirst("^http://[^/]+", "")).body();
            assertThat(run).contains("national platform asked for today").contains("运维人员");
        } else {
            assertThat(triggered.body()).contains("已有上报任务正在运行");
        }
    }

    private String submit() {
        HttpResponse<String> answer = new Http(port).asProvince().postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json(answer.body()).get("messageId").asText();
    }

    private void awaitState(String id, String state) {
        Http operator = new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(json(operator.get("/api/v1/messages/" + id).body()).get("state").asText()).isEqualTo(state));
    }

    private byte[] receivedBySimulator(String id, String destination) {
        for (JsonNode entry : json(new Http(port).asOperator().get("/sim/received?messageId=" + id).body())) {
            if (entry.get("destination").asText().equals(destination)) {
                return Base64.getDecoder().decode(entry.get("bodyBase64").asText());
            }
        }
        throw new AssertionError("the simulator received nothing for " + id);
    }

    private void control(String destination, String mode, Integer status) {
        String body = "{\"destination\":\"" + destination + "\",\"mode\":\"" + mode + "\""
                + (status == null ? "" : ",\"status\":" + status) + "}";
        assertThat(new Http(port).asOperator().postJson("/sim/control", body).statusCode()).isEqualTo(200);
    }

    private ConsoleClient operator() {
        return new ConsoleClient(port).signedIn(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
