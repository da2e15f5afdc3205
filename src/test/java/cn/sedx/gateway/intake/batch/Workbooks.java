package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.xlsx.Column;
import cn.sedx.gateway.intake.xlsx.SheetLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test workbooks as a clerk's Excel writes them: the layout's two header rows, then rows whose cells are text
 * (String), numbers (Number) or dates (LocalDate: a number with a date format).
 */
public final class Workbooks {

    private Workbooks() {}

    /** A row by column name. */
    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /** {@code base} with some cells changed (a null value empties the cell). */
    public static Map<String, Object> with(Map<String, Object> base, Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>(base);
        row.putAll(row(namesAndValues));
        return row;
    }

    public static Path write(Path file, SheetLayout layout, List<Map<String, Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(layout.sheetName());
            Row zh = sheet.createRow(0);
            Row en = sheet.createRow(1);
            List<Column> columns = layout.columns();
            for (int i = 0; i < columns.size(); i++) {
                zh.createCell(i).setCellValue(columns.get(i).header());
                en.createCell(i).setCellValue(columns.get(i).name());
            }
            fill(sheet, columns, SheetLayout.FIRST_DATA_ROW - 1, rows);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** Writes {@code rows} from row index {@code first} on, each cell in the column of its name. */
    public static void fill(Sheet sheet, List<Column> columns, int first, List<Map<String, Object>> rows) {
        Workbook workbook = sheet.getWorkbook();
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.getRow(first + r) == null ? sheet.createRow(first + r) : sheet.getRow(first + r);
            for (Map.Entry<String, Object> value : rows.get(r).entrySet()) {
                int column = names.indexOf(value.getKey());
                if (column < 0) {
                    throw new IllegalArgumentException("no column " + value.getKey());
                }
                if (value.getValue() == null) {
                    continue;
                }
                Cell cell = row.createCell(column);
                if (value.getValue() instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value.getValue() instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                } else {
                    cell.setCellValue(value.getValue().toString());
                }
            }
        }
    }

    /** The four persons of fixture personnel-filing/valid-use-unit.json as rows of the personnel template. */
    public static List<Map<String, Object>> validUseUnit(String filingNumber) {
        Map<String, Object> unit = row("filingNumber", filingNumber, "filingKind", "首次", "effectiveDate",
                LocalDate.of(2026, 11, 1), "unit.name", "广州天河城市物业管理有限公司", "unit.uscc", "91440106MA59ABCDEX",
                "unit.unitKind", "使用", "unit.regionCode", "440106 广东省 广州市 天河区", "unit.equipmentCategories",
                "3000；2000", "unit.useRegistrationNumbers", "梯11粤A00001(19);梯11粤A00002(19);容1L粤A00123(18)");
        return List.of(
                with(unit, "persons[].role", "主要负责人", "persons[].name", "陈建国", "persons[].idNumber",
                        "440106197503122016", "persons[].mobile", "13800138000", "persons[].appointedOn",
                        LocalDate.of(2023, 6, 1)),
                with(unit, "persons[].role", "安全总监", "persons[].name", "李明", "persons[].idNumber", "440106198207073023",
                        "persons[].mobile", "+8613912345678", "persons[].appointedOn", "2023年6月1日",
                        "persons[].certificateNumber", "TS0844010620230001", "persons[].equipmentCategories", "3000、2000"),
                with(unit, "persons[].role", "安全员", "persons[].name", "王芳", "persons[].idNumber", "440106199004151516",
                        "persons[].mobile", 15012345678L, "persons[].appointedOn", "2023/6/15",
                        "persons[].certificateNumber", "TS0844010620230002", "persons[].equipmentCategories", "3000 电梯",
                        "persons[].responsibleDeviceCodes", "311044123201900001;311044123201900002"),
                with(unit, "persons[].role", "SAFETY_OFFICER", "persons[].name", "张伟", "persons[].idNumber",
                        "440102199209202625", "persons[].mobile", "18698765432", "persons[].appointedOn", 45092,
                        "persons[].certificateNumber", "TS0844010620230003", "persons[].equipmentCategories", 2000,
                        "persons[].responsibleDeviceCodes", "211044056201800123"));
    }
}
