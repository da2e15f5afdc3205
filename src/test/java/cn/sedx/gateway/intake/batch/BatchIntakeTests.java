package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The batch intake without the gateway: limits, encodings and keys, with a sink that accepts everything. */
class BatchIntakeTests {

    private static final String HEADER = "填报编号,填报类型,生效日期,单位名称,统一社会信用代码,单位类型,行政区划代码,单位设备类别,"
            + "许可证编号,使用登记证编号,岗位,姓名,身份证号,手机号码,任命日期,证书编号,负责设备类别,负责设备代码";
    private static final String ROW = ",首次,2026-11-01,示范物业,91440106MA5C12345N,使用,440106,3000,,梯11粤A1,安全员,王强,"
            + "440106199002020037,13700137000,2026-10-15,,3000,";

    @TempDir
    Path inbox;

    private final List<Submission> submitted = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reportsAJsonLineLongerThanTheLimitAndGoesOnWithTheNext() throws IOException {
        String good = "{\"type\":\"SAFETY_RECORD\",\"filing\":{\"recordKind\":\"DAILY_CHECK\"}}";
        Path file = write("long-line.jsonl", good + "\n" + "x".repeat(3_000) + "\n" + good + "\n",
                StandardCharsets.UTF_8);

        BatchSummary summary = intake(2_048).process(file, "gd-province");

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        JsonNode errors = json.readTree(file.resolveSibling("failed/long-line.jsonl.errors.json").toFile());
        assertThat(errors.get(0).path("record").asLong()).isEqualTo(2);
        assertThat(errors.get(0).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void reportsACsvRowLongerThanTheLimitByItsLineAndGoesOnWithTheNext() throws IOException {
        String csv = HEADER + "\n" + "F-1" + ROW + "\n" + "F-2" + ROW.replace("示范物业", "示".repeat(3_000)) + "\n"
                + "F-3" + ROW + "\n";
        Path file = write("long-row.csv", csv, StandardCharsets.UTF_8);

        BatchSummary summary = intake(2_048).process(file, "gd-province");

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(submitted).extracting(s -> s.idempotencyKey().substring(65)).containsExactly("2", "4");
        JsonNode errors = json.readTree(file.resolveSibling("failed/long-row.csv.errors.json").toFile());
        assertThat(errors.get(0).path("record").asLong()).isEqualTo(3);
        assertThat(errors.get(0).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void readsUtf8WithByteOrderMarkAndGb18030Alike() throws IOException {
        String csv = HEADER + "\r\n" + "F-1" + ROW + "\r\n";
        Path utf8 = write("bom.csv", "\uFEFF" + csv, StandardCharsets.UTF_8);
        Path gb = write("gb.csv", csv, Charset.forName("GB18030"));

        BatchSummary fromUtf8 = intake(1_000_000).process(utf8, "gd-province");
        BatchSummary fromGb = intake(1_000_000).process(gb, "gd-province");

        assertThat(fromUtf8.charset()).isEqualTo("UTF-8");
        assertThat(fromGb.charset()).isEqualTo("GB18030");
        assertThat(submitted).hasSize(2);
        assertThat(new String(submitted.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(submitted.get(1).body(), StandardCharsets.UTF_8)).contains("示范物业", "王强");
    }

    @Test
    void derivesEachRecordsIdempotencyKeyFromTheFileChecksumAndRecordNumber() throws IOException {
        Path file = write("keys.csv", HEADER + "\n" + "F-1" + ROW + "\n" + "F-2" + ROW + "\n",
                StandardCharsets.UTF_8);

        BatchSummary summary = intake(1_000_000).process(file, "gd-province");

        assertThat(submitted).extracting(Submission::idempotencyKey)
                .containsExactly(summary.sha256() + ":2", summary.sha256() + ":3");
        assertThat(submitted).extracting(Submission::channel).containsOnly("BATCH");
    }

    @Test
    void readsXmlFilingsWrittenWithoutWhitespaceBetweenThemAndRefusesAControlCharacterReference() throws IOException {
        String filing = "<sub:personnelFiling><sub:filingKind>INITIAL</sub:filingKind></sub:personnelFiling>";
        String bad = "<sub:personnelFiling><sub:filingKind>INI&#0;TIAL</sub:filingKind></sub:personnelFiling>";
        Path file = write("compact.xml", "<sub:Batch xmlns:sub=\"http://sedx.cn/ws/submission/1\">" + filing + filing
                + bad + "</sub:Batch>", StandardCharsets.UTF_8);

        BatchSummary summary = intake(1_000_000).process(file, "gd-province");

        assertThat(summary.accepted()).isEqualTo(2);
        JsonNode errors = json.readTree(file.resolveSibling("failed/compact.xml.errors.json").toFile());
        assertThat(errors.get(0).path("record").asLong()).isEqualTo(3);
        assertThat(errors.get(0).path("code").asText()).isEqualTo("XML_UNSAFE_TEXT");
    }

    @Test
    void readsTheOptionalDocumentTypeAndNationalityColumns() throws IOException {
        String header = HEADER + ",证件类型,国籍";
        String passport = "F-1" + ROW.replace("440106199002020037", "546512345") + ",护照,USA";
        String resident = "F-2" + ROW + ",,";
        Path file = write("documents.csv", header + "\n" + passport + "\n" + resident + "\n", StandardCharsets.UTF_8);

        intake(1_000_000).process(file, "gd-province");

        JsonNode first = json.readTree(submitted.get(0).body()).at("/persons/0");
        assertThat(first.get("idType").asText()).isEqualTo("PASSPORT");
        assertThat(first.get("nationality").asText()).isEqualTo("USA");
        assertThat(json.readTree(submitted.get(1).body()).at("/persons/0").has("idType")).isFalse();
    }

    private BatchIntake intake(long maxRecordBytes) {
        BatchSettings settings = new BatchSettings(true, inbox, Duration.ofSeconds(2),
                DataSize.ofBytes(maxRecordBytes), 10_000, Map.of());
        return new BatchIntake(new FilingSink() {
            @Override
            public IntakeReceipt submit(Submission submission) {
                submitted.add(submission);
                return new IntakeReceipt("m" + submitted.size(), submission.type(), "RECEIVED", Instant.now(), false,
                        List.of());
            }

            @Override
            public List<Violation> check(Submission submission) {
                return List.of();
            }
        }, settings);
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path folder = Files.createDirectories(inbox.resolve("gd-province"));
        return Files.write(folder.resolve(name), content.getBytes(charset));
    }
}
