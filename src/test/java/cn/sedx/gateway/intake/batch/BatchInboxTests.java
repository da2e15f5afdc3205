package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.intake.xlsx.ErrorWorkbook;
import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.messagestore.MessagePage;
import cn.sedx.gateway.messagestore.MessageQuery;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Batch files dropped in the inbox of the running gateway: taken only with their .done marker, processed
 * record by record through the intake, reported, and moved to processed/ or failed/.
 */
@GatewayTest
@TestPropertySource(properties = {"sedx.batch.poll-delay=200ms",
        "sedx.batch.systems.tianhe-county.all-or-nothing=true"})
class BatchInboxTests {

    private static final String SYSTEM = "gd-province";
    private static final String ALL_OR_NOTHING_SYSTEM = "tianhe-county";

    @Autowired
    BatchSettings settings;

    @Autowired
    MessageStore store;

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsJsonLinesRecordsAndMovesTheFileToProcessed() throws Exception {
        JsonNode summary = dropAndAwait(SYSTEM, "two-records.jsonl", "processed");

        assertThat(summary.path("records").asLong()).isEqualTo(2);
        assertThat(summary.path("accepted").asLong()).isEqualTo(2);
        assertThat(summary.path("failed").asLong()).isZero();
        assertThat(inbox(SYSTEM).resolve("two-records.jsonl")).doesNotExist();
        assertThat(inbox(SYSTEM).resolve("two-records.jsonl.done")).doesNotExist();
        assertThat(store.findByIdempotencyKey(SYSTEM, summary.path("sha256").asText() + ":1"))
                .hasValueSatisfying(m -> assertThat(m.channel()).isEqualTo("BATCH"));
    }

    @Test
    void groupsGb18030CsvRowsIntoOneFilingPerUsccAndFilingNumber() throws Exception {
        JsonNode summary = dropAndAwait(SYSTEM, "personnel-two-filings.gb18030.csv", "processed");

        assertThat(summary.path("charset").asText()).isEqualTo("GB18030");
        assertThat(summary.path("rows").asLong()).isEqualTo(6);
        assertThat(summary.path("records").asLong()).isEqualTo(2);
        assertThat(summary.path("accepted").asLong()).isEqualTo(2);
        String sha = summary.path("sha256").asText();
        JsonNode first = json.readTree(store.payload(store.findByIdempotencyKey(SYSTEM, sha + ":2").orElseThrow()
                .id()).orElseThrow());
        assertThat(first.at("/persons").size()).isEqualTo(3);
        assertThat(first.at("/unit/name").asText()).isEqualTo("广州市天河示范物业管理有限公司");
        assertThat(first.at("/persons/0/role").asText()).isEqualTo("PRINCIPAL");
        assertThat(store.findByIdempotencyKey(SYSTEM, sha + ":5")).isPresent();
    }

    @Test
    void listsInvalidRecordsByRowAndColumnAndMovesTheFileToFailed() throws Exception {
        JsonNode summary = dropAndAwait(SYSTEM, "personnel-id-number-bad-check-digit.csv", "failed");

        assertThat(summary.path("accepted").asLong()).isEqualTo(1);
        assertThat(summary.path("failed").asLong()).isEqualTo(1);
        Path failed = inbox(SYSTEM).resolve("failed");
        JsonNode errors = json.readTree(failed.resolve("personnel-id-number-bad-check-digit.csv.errors.json").toFile());
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.path("record").asLong()).isEqualTo(3);
            assertThat(error.path("field").asText()).isEqualTo("身份证号");
            assertThat(error.path("code").asText()).isEqualTo("ID_NUMBER_CHECKSUM");
        });
        String csv = Files.readString(failed.resolve("personnel-id-number-bad-check-digit.csv.errors.csv"));
        assertThat(csv).contains("3,\"身份证号\",ID_NUMBER_CHECKSUM");
    }

    @Test
    void reportsUnreadableJsonLinesAndRefusedRecordsTogether() throws Exception {
        JsonNode summary = dropAndAwait(SYSTEM, "second-record-bad-uscc.jsonl", "failed");

        assertThat(summary.path("accepted").asLong()).isEqualTo(1);
        assertThat(summary.path("failed").asLong()).isEqualTo(2);
        JsonNode errors = json.readTree(inbox(SYSTEM).resolve("failed/second-record-bad-uscc.jsonl.errors.json")
                .toFile());
        assertThat(errors).extracting(e -> e.path("record").asLong() + " " + e.path("code").asText() + " "
                + e.path("field").asText())
                .contains("2 USCC_CHECKSUM /filing/unit/uscc", "3 MALFORMED_JSON ");
    }

    @Test
    void allOrNothingSystemStoresNoRecordOfAFileWithAFailure() throws Exception {
        long before = count(ALL_OR_NOTHING_SYSTEM);

        JsonNode summary = dropAndAwait(ALL_OR_NOTHING_SYSTEM, "personnel-id-number-bad-check-digit.csv", "failed");

        assertThat(summary.path("wholeRefused").asBoolean()).isTrue();
        assertThat(summary.path("accepted").asLong()).isZero();
        assertThat(count(ALL_OR_NOTHING_SYSTEM)).isEqualTo(before);
    }

    @Test
    void runningTheSameFileAgainAcceptsNoRecordTwice() throws Exception {
        JsonNode first = dropAndAwait(SYSTEM, "two-records.xml", "processed");
        long stored = count(SYSTEM);

        JsonNode again = dropAndAwait(SYSTEM, "two-records.xml", "processed");

        assertThat(first.path("accepted").asLong()).isEqualTo(2);
        assertThat(again.path("accepted").asLong()).isEqualTo(2);
        assertThat(again.path("repeated").asLong()).isEqualTo(2);
        assertThat(count(SYSTEM)).isEqualTo(stored);
    }

    @Test
    void refusesXmlWithADoctype() throws Exception {
        JsonNode summary = dropAndAwait(SYSTEM, "doctype-entity.xml", "failed");

        JsonNode errors = json.readTree(inbox(SYSTEM).resolve("failed/doctype-entity.xml.errors.json").toFile());
        assertThat(summary.path("accepted").asLong()).isZero();
        assertThat(errors.get(0).path("code").asText()).isEqualTo("XML_DTD_REFUSED");
    }

    @Test
    void leavesAFileWithoutItsDoneMarkerInTheInbox() throws Exception {
        Path waiting = inbox(SYSTEM).resolve("not-yet.jsonl");
        Files.createDirectories(waiting.getParent());
        Files.copy(resource("two-records.jsonl"), waiting);

        dropAndAwait(SYSTEM, "personnel-two-filings.gb18030.csv", "processed");

        assertThat(waiting).exists();
        Files.delete(waiting);
    }

    @Test
    void takesAWorkbookAndPutsItsErrorWorkbookBesideTheOtherReports() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>(Workbooks.validUseUnit("XL-1"));
        List<Map<String, Object>> bad = new ArrayList<>(Workbooks.validUseUnit("XL-2"));
        bad.set(2, Workbooks.with(bad.get(2), "persons[].appointedOn", "2023年13月1日"));
        rows.addAll(bad);
        Path file = Workbooks.write(folder.resolve("天河区人员.xlsx"), Layouts.PERSONNEL_FILING, rows);

        JsonNode summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = dropAndAwait(SYSTEM, "天河区人员.xlsx", in, "failed");
        }

        assertThat(summary.path("records").asLong()).isEqualTo(2);
        assertThat(summary.path("accepted").asLong()).isEqualTo(1);
        assertThat(summary.path("reports")).extracting(JsonNode::asText).containsExactly("天河区人员.xlsx.errors.json",
                "天河区人员.xlsx.errors.csv", "天河区人员.xlsx.errors.xlsx", "天河区人员.xlsx.summary.json");
        assertThat(store.findByIdempotencyKey(SYSTEM, summary.path("sha256").asText() + ":3")).isPresent();
        try (InputStream in = Files.newInputStream(inbox(SYSTEM).resolve("failed/天河区人员.xlsx.errors.xlsx"));
                XSSFWorkbook marked = new XSSFWorkbook(in)) {
            Cell cell = marked.getSheet(Layouts.PERSONNEL_FILING.sheetName()).getRow(8).getCell(Layouts.PERSONNEL_FILING
                    .columns().indexOf(Layouts.PERSONNEL_FILING.columns().stream()
                            .filter(c -> c.name().equals("persons[].appointedOn")).findFirst().orElseThrow()));
            assertThat(cell.getCellComment().getString().getString()).startsWith("DATE_INVALID\n");
            assertThat(marked.getSheet(ErrorWorkbook.SUMMARY_SHEET).getLastRowNum()).isEqualTo(2);
        }
    }

    private JsonNode dropAndAwait(String system, String name, String outcome) throws IOException {
        try (InputStream in = resource(name)) {
            return dropAndAwait(system, name, in, outcome);
        }
    }

    private JsonNode dropAndAwait(String system, String name, InputStream content, String outcome)
            throws IOException {
        Path inbox = Files.createDirectories(inbox(system));
        Path summary = inbox.resolve(outcome).resolve(name + ".summary.json");
        Path moved = inbox.resolve(outcome).resolve(name);
        Files.deleteIfExists(summary);
        Files.deleteIfExists(moved);
        Files.copy(content, inbox.resolve(name));
        Files.writeString(inbox.resolve(name + ".done"), "", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(moved) && Files.exists(summary));
        return json.readTree(summary.toFile());
    }

    private long count(String system) {
        MessagePage page = store.search(new MessageQuery(null, null, null, system, null, null, 0, 1));
        return page.total();
    }

    private Path inbox(String system) {
        return settings.root().resolve(system);
    }

    private static InputStream resource(String name) {
        return BatchInboxTests.class.getResourceAsStream("/batch/" + name);
    }
}
