package cn.sedx.gateway.intake.batch;

import static cn.sedx.gateway.intake.batch.Workbooks.row;
import static cn.sedx.gateway.intake.batch.Workbooks.validUseUnit;
import static cn.sedx.gateway.intake.batch.Workbooks.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.intake.xlsx.SheetLayout;
import cn.sedx.gateway.intake.xlsx.TemplateWriter;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Workbooks through the batch intake with the real validator: how cells are read, and what is refused. */
class XlsxIntakeTests {

    @TempDir
    Path inbox;

    private final ValidatingSink sink = new ValidatingSink();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsGbtStyleDatesSerialsAndNumbersTypedAsNumbersIntoOneFiling() throws IOException {
        Path file = Workbooks.write(inbox.resolve("gd-province/people.xlsx"), Layouts.PERSONNEL_FILING,
                validUseUnit("F-1"));

        BatchSummary summary = intake().process(file, "gd-province");

        assertThat(summary.failed()).isZero();
        assertThat(summary.records()).isEqualTo(1);
        assertThat(summary.rows()).isEqualTo(4);
        JsonNode filing = ValidatingSink.tree(sink.accepted.get(0).body());
        assertThat(filing.at("/effectiveDate").asText()).isEqualTo("2026-11-01");
        assertThat(filing.at("/persons").findValuesAsText("appointedOn"))
                .containsExactly("2023-06-01", "2023-06-01", "2023-06-15", "2023-06-15");
        assertThat(filing.at("/persons/2/mobile").asText()).isEqualTo("15012345678");
        assertThat(filing.at("/persons/3/equipmentCategories/0").asText()).isEqualTo("2000");
        assertThat(filing.at("/persons/1/equipmentCategories").toString()).isEqualTo("[\"3000\",\"2000\"]");
        assertThat(filing.at("/unit/regionCode").asText()).isEqualTo("440106");
        assertThat(filing.at("/unit/useRegistrationNumbers").size()).isEqualTo(3);
        assertThat(filing.at("/persons/3/role").asText()).isEqualTo("SAFETY_OFFICER");
        assertThat(sink.accepted.get(0).idempotencyKey()).endsWith(":3");
    }

    @Test
    void aTemplateFilledInAndUploadedAsItIsPassesValidationWithoutItsSampleRow() throws IOException {
        Path file = Files.createDirectories(inbox.resolve("gd-province")).resolve("filled.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            TemplateWriter.write(Layouts.PERSONNEL_FILING, "44", out);
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Workbooks.fill(workbook.getSheetAt(0), Layouts.PERSONNEL_FILING.columns(), SheetLayout.FIRST_DATA_ROW,
                    validUseUnit("2026-001"));
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        BatchSummary summary = intake().process(file, "gd-province");

        assertThat(summary.records()).isEqualTo(1);
        assertThat(summary.rows()).isEqualTo(4);
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.outcome()).isEqualTo("processed");
        assertThat(sink.accepted.get(0).idempotencyKey()).endsWith(":4");
        assertThat(ValidatingSink.tree(sink.accepted.get(0).body()).at("/persons").size()).isEqualTo(4);
    }

    @Test
    void takesATrainingRecordARowWithTheSchemasFieldsAndRefusesAnAssessmentBeforeTheTraining() throws IOException {
        Map<String, Object> record = row("recordNumber", "T-1", "unitUscc", "91440106MA59ABCDEX", "unitKind", "使用",
                "person.name", "王芳", "person.role", "安全员", "person.idNumber", "440106199004151516",
                "organiser.kind", "委托机构", "organiser.name", "广州市特种设备行业协会",
                "organiser.uscc", "51440100MJL123456X", "trainedOn", LocalDate.of(2026, 10, 20), "hours", 8.0,
                "content", "电梯日常检查要点与应急处置", "assessment.result", "合格",
                "assessment.assessedOn", "2026年10月21日", "assessment.score", 92.0,
                "assessment.assessedBy", "监督抽查考核", "assessment.regulatorName", "广州市天河区市场监督管理局");
        Path file = Workbooks.write(inbox.resolve("gd-province/training.xlsx"), Layouts.TRAINING_RECORD, List.of(
                record, with(record, "recordNumber", "T-2", "assessment.assessedOn", LocalDate.of(2026, 10, 19))));

        BatchSummary summary = intake().process(file, "gd-province");

        assertThat(summary.records()).isEqualTo(2);
        assertThat(summary.accepted()).isEqualTo(1);
        JsonNode training = ValidatingSink.tree(sink.accepted.get(0).body());
        assertThat(sink.accepted.get(0).type()).isEqualTo(MessageType.TRAINING_RECORD);
        assertThat(training.at("/person/role").asText()).isEqualTo("SAFETY_OFFICER");
        assertThat(training.at("/organiser/kind").asText()).isEqualTo("ENTRUSTED_BODY");
        assertThat(training.at("/assessment/assessedOn").asText()).isEqualTo("2026-10-21");
        assertThat(training.at("/assessment/assessedBy").asText()).isEqualTo("REGULATOR_SPOT_CHECK");
        assertThat(training.at("/hours").decimalValue()).isEqualByComparingTo("8");
        assertThat(errors(file)).extracting(this::entry).containsExactly("4 考核日期 ASSESSMENT_BEFORE_TRAINING");
    }

    @Test
    void refusesAnIdNumberStoredAsANumberWithItsOwnCode() throws IOException {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(validUseUnit("F-1"));
        rows.set(1, with(rows.get(1), "persons[].idNumber", 440106198207073023.0));
        Path file = Workbooks.write(inbox.resolve("gd-province/id-as-number.xlsx"), Layouts.PERSONNEL_FILING, rows);

        BatchSummary summary = intake().process(file, "gd-province");

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(errors(file)).extracting(this::entry).containsExactly("4 证件号码 ID_NUMBER_STORED_AS_NUMBER");
    }

    @Test
    void refusesADateItCannotReadAndACreditCodeThatLostDigits() throws IOException {
        Path file = Workbooks.write(inbox.resolve("gd-province/bad-cells.xlsx"), Layouts.SAFETY_RECORD, List.of(
                row("recordNumber", "R-1", "recordKind", "每日安全检查记录", "unitUscc", 9.14401065E17,
                        "equipmentCategory", "3000 电梯", "period", LocalDate.of(2026, 11, 27),
                        "responsiblePerson.name", "王芳", "responsiblePerson.role", "安全员",
                        "responsiblePerson.idNumber", "440106199004151516", "operatingStatus", "在用",
                        "findings[].item", "1号电梯轿厢照明不亮", "findings[].hazardLevel", "一般事故隐患",
                        "findings[].rectifyBy", "11月30日")));

        intake().process(file, "gd-province");

        assertThat(errors(file)).extracting(this::entry).containsExactly("3 统一社会信用代码 IDENTIFIER_STORED_AS_NUMBER",
                "3 整改期限 DATE_INVALID");
    }

    @Test
    void takesASafetyRecordOfSeveralFindingsAndAZeroRiskReportOfOneRow() throws IOException {
        Map<String, Object> record = row("recordNumber", "R-1", "recordKind", "每日安全检查记录", "unitUscc",
                "91440106MA59ABCDEX", "unitKind", "使用", "equipmentCategory", "3000 电梯", "period",
                LocalDate.of(2026, 11, 27), "responsiblePerson.name", "王芳", "responsiblePerson.role", "安全员",
                "responsiblePerson.idNumber", "440106199004151516", "operatingStatus", "在用");
        Path file = Workbooks.write(inbox.resolve("gd-province/records.xlsx"), Layouts.SAFETY_RECORD, List.of(
                with(record, "findings[].item", "1号电梯轿厢照明不亮", "findings[].hazardLevel", "一般事故隐患",
                        "findings[].actionTaken", "当场更换照明灯具", "findings[].rectifyBy", "2026/11/27",
                        "findings[].rectifiedOn", "2026年11月27日"),
                with(record, "findings[].item", "2号电梯运行正常", "findings[].hazardLevel", "无隐患"),
                with(record, "recordNumber", "R-2", "period", "2026-11-28")));

        BatchSummary summary = intake().process(file, "gd-province");

        assertThat(summary.failed()).isZero();
        assertThat(summary.records()).isEqualTo(2);
        JsonNode first = ValidatingSink.tree(sink.accepted.get(0).body());
        assertThat(first.at("/period").asText()).isEqualTo("2026-11-27");
        assertThat(first.at("/findings").size()).isEqualTo(2);
        assertThat(first.at("/findings/0/rectifiedOn").asText()).isEqualTo("2026-11-27");
        assertThat(ValidatingSink.tree(sink.accepted.get(1).body()).has("findings")).isFalse();
    }

    @Test
    void refusesAWorkbookWithoutATemplateSheet() throws IOException {
        Path file = inbox.resolve("gd-province/other.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = java.nio.file.Files.newOutputStream(java.nio.file.Files.createDirectories(file.getParent())
                        .resolve("other.xlsx"))) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("姓名");
            workbook.write(out);
        }

        BatchSummary summary = intake().process(file, "gd-province");

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(errors(file)).extracting(this::entry).containsExactly("1  XLSX_SHEET_NOT_FOUND");
    }

    BatchIntake intake() {
        return new BatchIntake(sink, new BatchSettings(true, inbox, java.time.Duration.ofSeconds(2),
                DataSize.ofMegabytes(12), 10_000, Map.of()));
    }

    List<JsonNode> errors(Path file) throws IOException {
        JsonNode errors = json.readTree(file.resolveSibling("failed/" + file.getFileName() + ".errors.json").toFile());
        List<JsonNode> list = new java.util.ArrayList<>();
        errors.forEach(list::add);
        return list;
    }

    String entry(JsonNode error) {
        return error.path("record").asLong() + " " + error.path("field").asText() + " " + error.path("code").asText();
    }
}
