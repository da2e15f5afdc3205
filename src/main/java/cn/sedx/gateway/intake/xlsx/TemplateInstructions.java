package cn.sedx.gateway.intake.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The 填写说明 (instructions) sheet of a template: how to fill the data sheet, then every column's format. */
final class TemplateInstructions {

    private TemplateInstructions() {}

    static void write(Sheet sheet, SheetLayout layout, List<Column> columns, CellStyle bold) {
        int r = 0;
        r = line(sheet, r, layout.titleZh(), bold);
        r = line(sheet, r, layout.titleEn(), null);
        r++;
        for (String[] step : steps(layout)) {
            r = line(sheet, r, step[0], null);
            r = line(sheet, r, "    " + step[1], null);
        }
        r++;
        Row header = sheet.createRow(r++);
        String[] names = {"列 column", "字段 field", "必填 required", "格式与取值（中文）", "format (English)"};
        for (int i = 0; i < names.length; i++) {
            header.createCell(i).setCellValue(names[i]);
            header.getCell(i).setCellStyle(bold);
        }
        for (Column column : columns) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(column.name());
            row.createCell(2).setCellValue(column.required() ? "是 yes" : "否 no");
            row.createCell(3).setCellValue(column.noteZh());
            row.createCell(4).setCellValue(column.noteEn());
        }
        int[] widths = {22, 34, 12, 70, 70};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static String[][] steps(SheetLayout layout) {
        return new String[][] {
            {"1. 在“" + layout.sheetName() + "”工作表第 3 行起逐行填写；第 1、2 行为表头（中文列名及英文字段名），请勿修改。",
                "Fill in sheet " + layout.sheetName() + " from row 3; rows 1 and 2 are the header (Chinese names, "
                        + "English field names): do not change them."},
            {"2. 第 3 行为示例行，编号列为“" + SheetLayout.SAMPLE_KEY + "”，网关不会报送；可覆盖或删除。",
                "Row 3 is a sample: its number reads " + SheetLayout.SAMPLE_KEY + " and the gateway never files it; "
                        + "overwrite or delete it."},
            {"3. 带下拉箭头的列请从列表中选择；岗位列表随单位类型变化。鼠标停在表头上可查看每列的格式说明。",
                "Columns with an arrow take a value from their list; the roles offered follow the unit kind. Hover "
                        + "over a header to read its format."},
            {"4. 证件号码、统一社会信用代码、设备代码等列已设为文本格式：请勿改为数字，以数字存储的证件号码会丢失位数或末位 X，将被拒收"
                    + "（ID_NUMBER_STORED_AS_NUMBER）。",
                "ID numbers, credit codes and device codes are text columns: an ID number stored as a number has "
                        + "lost digits or its X and is refused (ID_NUMBER_STORED_AS_NUMBER)."},
            {"5. 日期可写 2023-06-01、2023年6月1日、2023/6/1，或使用 Excel 日期。多个值以分号（;）或顿号（、）分隔。",
                "Dates: 2023-06-01, 2023年6月1日, 2023/6/1 or an Excel date. Several values: separate with ; or 、."},
            {"6. 上传：POST /api/v1/batches（multipart，字段 file），或放入批量目录并创建 <文件名>.done；"
                    + "有错误时返回同一工作簿的副本，错误单元格标红并附批注，另有“错误汇总”工作表。",
                "Upload with POST /api/v1/batches (multipart field file), or drop it in the batch inbox with a "
                        + "<name>.done marker; errors come back as a copy of this workbook with the bad cells red "
                        + "and commented, and a sheet 错误汇总 listing them."}};
    }

    private static int line(Sheet sheet, int r, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text);
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
        return r + 1;
    }
}
