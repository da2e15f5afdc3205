package cn.sedx.gateway.intake.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.xml.sax.SAXException;

/**
 * The workbook a clerk gets back: a copy of the uploaded data sheet, streamed in (POI's event model) and out
 * (SXSSF, {@code streamingWindow} rows in memory), with every bad cell filled red and commented with its code and
 * message in Chinese and English, and a first sheet 错误汇总 listing every error by row. Memory: the window, the
 * marks ({@link CellMarks}: 8 bytes a cell, the comment texts of the first cells) and the workbook's shared strings,
 * whatever the number of rows. A workbook that cannot be opened again (a zip bomb, not a workbook) gets the summary
 * sheet alone.
 */
public final class ErrorWorkbook {

    /** The summary sheet's name. */
    public static final String SUMMARY_SHEET = "错误汇总";

    private ErrorWorkbook() {}

    /**
     * Writes the error workbook of {@code original} to {@code target}.
     *
     * @param errorsJson the batch's error report ({@code <name>.errors.json}: record = row, field = column header)
     */
    public static Path write(Path original, Path errorsJson, Path target, XlsxSettings settings) throws IOException {
        CellMarks marks = CellMarks.read(errorsJson, settings.maxMarkedCells(), settings.maxCommentedCells());
        try (SXSSFWorkbook out = new SXSSFWorkbook(settings.streamingWindow())) {
            out.setCompressTempFiles(true);
            ErrorStyles styles = new ErrorStyles(out);
            Sheet summary = out.createSheet(SUMMARY_SHEET);
            Map<String, Integer> columns = copy(original, settings, out, styles, marks);
            summarise(summary, errorsJson, marks, columns, styles);
            try (OutputStream stream = Files.newOutputStream(target)) {
                out.write(stream);
            }
            out.dispose();
        }
        return target;
    }

    /** Copies the data sheet with its marks; answers the sheet column of each Chinese header. */
    private static Map<String, Integer> copy(Path original, XlsxSettings settings, SXSSFWorkbook out,
            ErrorStyles styles, CellMarks marks) {
        Map<String, Integer> columns = new HashMap<>();
        try (OpenWorkbook workbook = OpenWorkbook.open(original, settings)) {
            var found = workbook.templateSheet();
            if (found.isEmpty()) {
                return columns;
            }
            SheetLayout layout = found.get().layout();
            Sheet data = out.createSheet(layout.sheetName());
            data.createFreezePane(0, 2);
            MarkedCopy copy = new MarkedCopy(layout, data, styles, marks, columns);
            workbook.parse(found.get().index(), copy::row);
        } catch (XlsxFailure e) {
            // the original cannot be read again: the summary sheet alone tells what was wrong
        }
        return columns;
    }

    private static void summarise(Sheet summary, Path errorsJson, CellMarks marks, Map<String, Integer> columns,
            ErrorStyles styles) throws IOException {
        summary.createFreezePane(0, 2);
        Row title = summary.createRow(0);
        title.createCell(0).setCellValue("共 " + marks.errors() + " 处错误，红色单元格附批注（错误代码及中英文说明）；"
                + marks.errors() + " errors; each red cell carries a comment with the code and the message");
        Row header = summary.createRow(1);
        String[] names = {"行号 row", "单元格 cell", "字段 field", "错误代码 code", "错误说明", "message"};
        for (int i = 0; i < names.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(styles.header());
        }
        int[] next = {2};
        CellMarks.forEach(errorsJson, error -> {
            Row row = summary.createRow(next[0]++);
            row.createCell(0).setCellValue(error.row());
            Integer column = columns.get(error.field());
            row.createCell(1).setCellValue(column == null ? "" : CellReference.convertNumToColString(column)
                    + error.row());
            row.createCell(2).setCellValue(error.field());
            row.createCell(3).setCellValue(error.code());
            row.createCell(4).setCellValue(error.zh());
            row.createCell(5).setCellValue(error.en());
        });
        int[] widths = {10, 10, 20, 34, 60, 60};
        for (int i = 0; i < widths.length; i++) {
            summary.setColumnWidth(i, widths[i] * 256);
        }
    }

    /** The SAX row callback that writes each row of the original with its marks. */
    private static final class MarkedCopy {
        private final SheetLayout layout;
        private final Sheet data;
        private final ErrorStyles styles;
        private final CellMarks marks;
        private final Map<String, Integer> columns;
        private SheetRow first;
        private boolean mapped;
        private int keyColumn;

        MarkedCopy(SheetLayout layout, Sheet data, ErrorStyles styles, CellMarks marks, Map<String, Integer> columns) {
            this.layout = layout;
            this.data = data;
            this.styles = styles;
            this.marks = marks;
            this.columns = columns;
        }

        void row(SheetRow row) throws SAXException {
            if (row.number() == 1) {
                first = row;
            } else if (!mapped) {
                mapColumns(row.number() == 2 ? row : null);
            }
            Row out = data.createRow((int) row.number() - 1);
            for (SheetCell cell : row.cells()) {
                styles.copy(cell, out.createCell(cell.column()), row.number() <= 2);
            }
            for (String field : marks.fieldsIn(row.number())) {
                int column = columns.getOrDefault(field, keyColumn);
                Cell cell = out.getCell(column) == null ? out.createCell(column) : out.getCell(column);
                styles.mark(cell, marks.comment(row.number(), field));
            }
        }

        private void mapColumns(SheetRow second) {
            mapped = true;
            SheetHeader header = SheetHeader.found(layout, first, second);
            for (int i = 0; i < layout.columns().size(); i++) {
                if (header.columnOf(i) >= 0) {
                    columns.put(layout.columns().get(i).header(), header.columnOf(i));
                    data.setColumnWidth(header.columnOf(i), 18 * 256);
                }
            }
            keyColumn = Math.max(0, header.columnOf(layout.columns().indexOf(layout.key())));
        }
    }
}
