package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.intake.xlsx.ErrorWorkbook;
import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.intake.xlsx.SheetLayout;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import cn.sedx.gateway.support.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Batch files uploaded over real HTTP (multipart) to the running gateway: 202 with a batch id, progress until done,
 * the reports behind the status's links, the Idempotency-Key semantics of the other endpoints, the size limit, and
 * the same type and jurisdiction rules as single submissions.
 */
@GatewayTest
@TestPropertySource(properties = {"sedx.batch-uploads.max-upload-size=512KB",
        "sedx.batch-uploads.progress-period=50ms"})
class BatchUploadTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    private Http province;
    private Http county;
    private Http operator;

    @BeforeEach
    void callers() {
        Http anonymous = new Http(port);
        province = anonymous.asProvince();
        county = anonymous.bearer(SampleCredentials.TIANHE_COUNTY_TOKEN);
        operator = anonymous.basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    @Test
    void aWorkbookOfGoodAndBadFilingsComesBackWithItsErrorWorkbook() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(Workbooks.validUseUnit("F-1"));
        List<Map<String, Object>> bad = new ArrayList<>(Workbooks.validUseUnit("F-2"));
        bad.set(1, Workbooks.with(bad.get(1), "persons[].idNumber", 440106198207073023.0));
        rows.addAll(bad);
        byte[] workbook = Files.readAllBytes(Workbooks.write(folder.resolve("mixed.xlsx"), Layouts.PERSONNEL_FILING,
                rows));

        HttpResponse<String> accepted = province.postFile("/api/v1/batches", "天河区 2026-11.xlsx", workbook);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = json(accepted);
        String id = body.path("batchId").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/batches/" + id);
        assertThat(body.path("fileName").asText()).isEqualTo("天河区_2026-11.xlsx");
        JsonNode done = awaitDone(province, id);
        assertThat(done.path("records").asLong()).isEqualTo(2);
        assertThat(done.path("accepted").asLong()).isEqualTo(1);
        assertThat(done.path("refused").asLong()).isEqualTo(1);
        assertThat(done.path("outcome").asText()).isEqualTo("failed");
        String errorWorkbook = done.at("/links/errorWorkbook").asText();
        assertThat(done.at("/links/errorsJson").asText()).endsWith(".errors.json");
        assertThat(done.at("/links/errorsCsv").asText()).endsWith(".errors.csv");
        assertThat(done.at("/links/summary").asText()).endsWith(".summary.json");
        HttpResponse<byte[]> marked = province.getBytes(errorWorkbook);
        assertThat(marked.statusCode()).isEqualTo(200);
        try (XSSFWorkbook copy = new XSSFWorkbook(new ByteArrayInputStream(marked.body()))) {
            var cell = copy.getSheet(Layouts.PERSONNEL_FILING.sheetName()).getRow(7).getCell(13);
            assertThat(cell.getCellComment().getString().getString()).contains("ID_NUMBER_STORED_AS_NUMBER");
            assertThat(copy.getSheet(ErrorWorkbook.SUMMARY_SHEET).getRow(2).getCell(3).getStringCellValue())
                    .isEqualTo("ID_NUMBER_STORED_AS_NUMBER");
        }
        assertThat(operator.get("/api/v1/batches/" + id).statusCode()).isEqualTo(200);
        assertThat(operator.getBytes(errorWorkbook).statusCode()).isEqualTo(403);
        assertThat(county.get("/api/v1/batches/" + id).statusCode()).isEqualTo(404);
        assertThat(county.getBytes(errorWorkbook).statusCode()).isEqualTo(404);
    }

    @Test
    void aTemplateDownloadedFilledInAndUploadedAsItIsIsAccepted() throws IOException {
        HttpResponse<byte[]> template = county.getBytes("/api/v1/templates/personnel-filing.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Workbooks.fill(workbook.getSheetAt(0), Layouts.PERSONNEL_FILING.columns(), SheetLayout.FIRST_DATA_ROW,
                    Workbooks.validUseUnit("2026-TH-7"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }

        JsonNode done = awaitDone(county, json(county.postFile("/api/v1/batches", "personnel.xlsx", filled))
                .path("batchId").asText());

        assertThat(done.path("outcome").asText()).isEqualTo("processed");
        assertThat(done.path("accepted").asLong()).isEqualTo(1);
        assertThat(done.path("refused").asLong()).isZero();
    }

    @Test
    void theSameKeyAndFileAnswerTheSameBatchAndAnotherFileIsAConflict() {
        byte[] file = resource("two-records.jsonl");
        String key = "upload-" + System.nanoTime();

        HttpResponse<String> first = province.postFile("/api/v1/batches", "a.jsonl", file, "Idempotency-Key", key);
        HttpResponse<String> again = province.postFile("/api/v1/batches", "a.jsonl", file, "Idempotency-Key", key);
        HttpResponse<String> other = province.postFile("/api/v1/batches", "b.xml", resource("two-records.xml"),
                "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again).path("batchId")).isEqualTo(json(first).path("batchId"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_CONFLICT");
        assertThat(awaitDone(province, json(first).path("batchId").asText()).path("accepted").asLong()).isEqualTo(2);
    }

    @Test
    void csvJsonLinesAndXmlAreTakenLikeTheInboxTakesThem() {
        for (String name : List.of("personnel-two-filings.gb18030.csv", "two-records.xml")) {
            JsonNode done = awaitDone(province, json(province.postFile("/api/v1/batches", name, resource(name)))
                    .path("batchId").asText());
            assertThat(done.path("outcome").asText()).as(name).isEqualTo("processed");
            assertThat(done.path("accepted").asLong()).as(name).isEqualTo(2);
        }
    }

    @Test
    void recordsOutsideTheSystemsJurisdictionOrTypesAreRefusedOneByOne() throws IOException {
        String inside = new String(resource("two-records.jsonl"), StandardCharsets.UTF_8).lines().findFirst()
                .orElseThrow();
        String outside = inside.replace("91440106", Uscc.withRegion("91440106MA59ABCDEX", "440305").substring(0, 8))
                .replace("\"440106\"", "\"440305\"");
        String report = "{\"type\":\"YEAR_END_REPORT\",\"filing\":" + new String(cn.sedx.gateway.support.Fixtures
                .bytes("year-end-report/valid-report.json"), StandardCharsets.UTF_8) + "}";
        byte[] file = String.join("\n", inside, outside.replace("\n", ""), report.replace("\n", ""))
                .getBytes(StandardCharsets.UTF_8);

        JsonNode done = awaitDone(county, json(county.postFile("/api/v1/batches", "mixed.jsonl", file))
                .path("batchId").asText());

        assertThat(done.path("accepted").asLong()).isEqualTo(1);
        HttpResponse<String> errors = county.get(done.at("/links/errorsJson").asText());
        assertThat(JSON.readTree(errors.body()).findValuesAsText("code")).contains("OUT_OF_JURISDICTION", "FORBIDDEN");
    }

    @Test
    void refusesAFileOverTheLimitAndAFileOfAnotherKind() {
        HttpResponse<String> tooLarge = province.postFile("/api/v1/batches", "big.csv", new byte[600 * 1024]);
        HttpResponse<String> pdf = province.postFile("/api/v1/batches", "report.pdf", "%PDF-1.7".getBytes());
        HttpResponse<String> noFile = province.send(province.request("/api/v1/batches")
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--x--\r\n")).build());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(pdf.statusCode()).isEqualTo(415);
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(operator.postFile("/api/v1/batches", "a.jsonl", resource("two-records.jsonl")).statusCode())
                .isEqualTo(403);
    }

    private static JsonNode awaitDone(Http http, String id) {
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status[0] = json(http.get("/api/v1/batches/" + id));
            return status[0].path("state").asText().matches("DONE|FAILED");
        });
        assertThat(status[0].path("state").asText()).isEqualTo("DONE");
        return status[0];
    }

    private static byte[] resource(String name) {
        try (InputStream in = BatchUploadTests.class.getResourceAsStream("/batch/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
