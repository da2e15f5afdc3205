package cn.sedx.gateway.intake.batch;

import static cn.sedx.gateway.intake.batch.Workbooks.validUseUnit;
import static cn.sedx.gateway.intake.batch.Workbooks.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.xlsx.ErrorWorkbook;
import cn.sedx.gateway.intake.xlsx.Layouts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A workbook of good and bad filings comes back as a copy with exactly the bad cells filled red, each commented with
 * its code and messages, the good rows untouched, and a summary sheet of every error.
 */
class XlsxErrorWorkbookTests {

    private static final String RED = "FFC7CE";

    @TempDir
    Path inbox;

    @Test
    void marksExactlyTheBadCellsRedWithTheirCodeAndMessagesAndListsThemInTheSummary() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(validUseUnit("F-1"));
        List<Map<String, Object>> second = new ArrayList<>(validUseUnit("F-2"));
        second.set(1, with(second.get(1), "persons[].idNumber", "440106198207073024"));
        second.set(2, with(second.get(2), "persons[].mobile", "1501234567"));
        rows.addAll(second);
        List<Map<String, Object>> third = new ArrayList<>(validUseUnit("F-3"));
        third.set(1, with(third.get(1), "persons[].idNumber", 440106198207073023.0));
        rows.addAll(third);
        Path file = Workbooks.write(inbox.resolve("gd-province/mixed.xlsx"), Layouts.PERSONNEL_FILING, rows);
        ValidatingSink sink = new ValidatingSink();

        BatchSummary summary = new BatchIntake(sink, new BatchSettings(true, inbox, java.time.Duration.ofSeconds(2),
                DataSize.ofMegabytes(12), 10_000, Map.of())).process(file, "gd-province");

        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.reports()).contains("mixed.xlsx.errors.xlsx", "mixed.xlsx.errors.json",
                "mixed.xlsx.errors.csv");
        try (InputStream in = Files.newInputStream(file.resolveSibling("failed/mixed.xlsx.errors.xlsx"));
                XSSFWorkbook copy = new XSSFWorkbook(in)) {
            Sheet data = copy.getSheet(Layouts.PERSONNEL_FILING.sheetName());
            Map<String, String> red = redCells(data);
            String id = column("persons[].idNumber");
            String mobile = column("persons[].mobile");
            assertThat(red.keySet()).containsExactlyInAnyOrder(id + "8", id + "12", mobile + "9");
            assertThat(red.get(id + "8")).contains("ID_NUMBER_CHECKSUM", "公民身份号码校验码错误",
                    "The citizen ID number check character is wrong");
            assertThat(red.get(mobile + "9")).contains("MOBILE_INVALID", "手机号码无效", "The mobile number is invalid");
            assertThat(red.get(id + "12")).contains("ID_NUMBER_STORED_AS_NUMBER", "丢失位数", "lost");
            assertThat(data.getRow(7).getCell(13).getStringCellValue()).isEqualTo("440106198207073024");
            assertThat(data.getRow(2).getCell(2).getLocalDateTimeCellValue().toLocalDate()).hasToString("2026-11-01");
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

            Sheet summarySheet = copy.getSheet(ErrorWorkbook.SUMMARY_SHEET);
            assertThat(copy.getSheetIndex(summarySheet)).isZero();
            List<String> listed = new ArrayList<>();
            for (int r = 2; r <= summarySheet.getLastRowNum(); r++) {
                Row row = summarySheet.getRow(r);
                listed.add((long) row.getCell(0).getNumericCellValue() + " " + row.getCell(1).getStringCellValue() + " "
                        + row.getCell(2).getStringCellValue() + " " + row.getCell(3).getStringCellValue());
            }
            assertThat(listed).containsExactlyInAnyOrder("8 " + id + "8 证件号码 ID_NUMBER_CHECKSUM",
                    "9 " + mobile + "9 手机号码 MOBILE_INVALID", "12 " + id + "12 证件号码 ID_NUMBER_STORED_AS_NUMBER");
        }
    }

    /** Every cell filled with the error red, by reference, with its comment's text. */
    private static Map<String, String> redCells(Sheet sheet) {
        Map<String, String> red = new TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                XSSFColor fill = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundColorColor();
                if (fill != null && fill.getRGB() != null && HexFormat.of().formatHex(fill.getRGB())
                        .equalsIgnoreCase(RED)) {
                    red.put(new CellReference(cell).formatAsString(false),
                            cell.getCellComment() == null ? "" : cell.getCellComment().getString().getString());
                }
            }
        }
        return red;
    }

    private static String column(String name) {
        for (int i = 0; i < Layouts.PERSONNEL_FILING.columns().size(); i++) {
            if (Layouts.PERSONNEL_FILING.columns().get(i).name().equals(name)) {
                return CellReference.convertNumToColString(i);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
