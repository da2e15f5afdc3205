package cn.sedx.gateway.intake.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each template written and opened again by POI: headers, comments, lists, formats, frozen rows, sample, instructions. */
class XlsxTemplatesTests {

    @ParameterizedTest
    @ValueSource(strings = {"personnel-filing", "safety-record", "training-record"})
    void everyColumnHasItsHeaderFieldNameAndACommentUnderFrozenRows(String template) throws IOException {
        SheetLayout layout = Layouts.byTemplate(template).orElseThrow();
        try (XSSFWorkbook workbook = open(layout, "")) {
            Sheet data = workbook.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo(layout.sheetName());
            for (int i = 0; i < layout.columns().size(); i++) {
                Column column = layout.columns().get(i);
                assertThat(data.getRow(0).getCell(i).getStringCellValue()).isEqualTo(column.header());
                assertThat(data.getRow(1).getCell(i).getStringCellValue()).isEqualTo(column.name());
                assertThat(data.getRow(0).getCell(i).getCellComment().getString().getString())
                        .contains(column.noteZh(), column.noteEn());
            }
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(workbook.getSheet(TemplateWriter.INSTRUCTIONS_SHEET).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(layout.titleZh());
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(TemplateWriter.LISTS_SHEET))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"personnel-filing", "safety-record", "training-record"})
    void everyEnumeratedColumnOffersItsListAndDatesAndIdentifiersAreFormatted(String template) throws IOException {
        SheetLayout layout = Layouts.byTemplate(template).orElseThrow();
        try (XSSFWorkbook workbook = open(layout, "")) {
            Sheet data = workbook.getSheetAt(0);
            Map<Integer, String> lists = data.getDataValidations().stream().collect(Collectors.toMap(
                    v -> v.getRegions().getCellRangeAddress(0).getFirstColumn(),
                    v -> v.getValidationConstraint().getFormula1()));
            for (int i = 0; i < layout.columns().size(); i++) {
                Column column = layout.columns().get(i);
                if (column.choice() == null) {
                    assertThat(lists).doesNotContainKey(i);
                } else if (column.choice() == Choices.ROLE) {
                    assertThat(lists.get(i)).startsWith("INDIRECT(\"岗位_\"&$");
                } else {
                    assertThat(lists.get(i)).as(column.header()).isEqualTo("list_" + column.choice().name());
                    assertThat(listed(workbook, lists.get(i))).isEqualTo(labels(column.choice()));
                }
                String format = data.getColumnStyle(i).getDataFormatString();
                switch (column.kind()) {
                    case DATE -> assertThat(DateUtil.isADateFormat(data.getColumnStyle(i).getDataFormat(), format))
                            .as(column.header()).isTrue();
                    case ID_NUMBER, IDENTIFIER, KEY, PERIOD, TEXTS -> assertThat(format).as(column.header()).isEqualTo("@");
                    default -> { }
                }
            }
            CellRangeAddress first = data.getDataValidations().get(0).getRegions().getCellRangeAddress(0);
            assertThat(first.getFirstRow()).isEqualTo(2);
            assertThat(first.getLastRow()).isEqualTo(2 + TemplateWriter.LIST_ROWS - 1);
            assertThat(data.getDataValidations()).allSatisfy(v -> assertThat(v.getErrorStyle())
                    .isIn(DataValidation.ErrorStyle.STOP, DataValidation.ErrorStyle.INFO));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"personnel-filing", "safety-record", "training-record"})
    void rolesFollowTheUnitKind(String template) throws IOException {
        try (XSSFWorkbook workbook = open(Layouts.byTemplate(template).orElseThrow(), "")) {
            assertThat(listed(workbook, "岗位_生产")).containsExactly("主要负责人", "质量安全总监", "质量安全员");
            assertThat(listed(workbook, "岗位_使用")).containsExactly("主要负责人", "安全总监", "安全员");
            assertThat(listed(workbook, "岗位_FILLING")).containsExactly("主要负责人", "安全总监", "安全员");
            assertThat(listed(workbook, "岗位_")).hasSize(5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"personnel-filing", "safety-record", "training-record"})
    void theSampleRowIsMarkedAndTypedByColumn(String template) throws IOException {
        SheetLayout layout = Layouts.byTemplate(template).orElseThrow();
        try (XSSFWorkbook workbook = open(layout, "")) {
            Row sample = workbook.getSheetAt(0).getRow(2);
            assertThat(sample.getCell(0).getStringCellValue()).isEqualTo(SheetLayout.SAMPLE_KEY);
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            for (int i = 0; i < layout.columns().size(); i++) {
                Cell cell = sample.getCell(i);
                Column column = layout.columns().get(i);
                if (cell != null && column.kind() == Column.Kind.DATE) {
                    assertThat(DateUtil.isCellDateFormatted(cell)).as(column.header()).isTrue();
                }
                if (cell != null && column.kind() == Column.Kind.ID_NUMBER) {
                    assertThat(cell.getStringCellValue()).hasSize(18);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"personnel-filing", "safety-record"})
    void theRegionListKeepsToTheCallersJurisdiction(String template) throws IOException {
        try (XSSFWorkbook county = open(Layouts.byTemplate(template).orElseThrow(), "440106");
                XSSFWorkbook all = open(Layouts.byTemplate(template).orElseThrow(), "")) {
            assertThat(listed(county, "list_regionCode")).containsExactly("440106 广东省 广州市 天河区");
            assertThat(listed(all, "list_regionCode")).hasSizeGreaterThan(3_000).contains("441900 广东省 东莞市");
        }
    }

    private static final Map<String, byte[]> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static XSSFWorkbook open(SheetLayout layout, String jurisdiction) throws IOException {
        byte[] template = WRITTEN.computeIfAbsent(layout.template() + "@" + jurisdiction, key -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                TemplateWriter.write(layout, jurisdiction, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        });
        return new XSSFWorkbook(new ByteArrayInputStream(template));
    }

    /** The labels in the range a defined name refers to. */
    private static List<String> listed(XSSFWorkbook workbook, String name) {
        var range = CellRangeAddress.valueOf(workbook.getName(name).getRefersToFormula().replaceAll(".*!", ""));
        Sheet lists = workbook.getSheet(TemplateWriter.LISTS_SHEET);
        return java.util.stream.IntStream.rangeClosed(range.getFirstRow(), range.getLastRow())
                .mapToObj(r -> lists.getRow(r).getCell(range.getFirstColumn()).getStringCellValue()).toList();
    }

    private static List<String> labels(Choice choice) {
        return choice.options().stream().map(Choice.Option::label).toList();
    }
}
