package cn.sedx.gateway.intake.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/** The styles of the workbooks the gateway writes: header, date, and the red fill of a bad cell. */
final class ErrorStyles {

    /** The fill of a bad cell: Excel's own "bad" red (差). */
    static final String RED = "FFC7CE";
    private static final String DARK_RED = "9C0006";

    private final org.apache.poi.ss.usermodel.Workbook workbook;
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle red;
    private final CellStyle redDate;
    private final CreationHelper helper;
    private Drawing<?> drawing;
    private Sheet drawingSheet;

    ErrorStyles(org.apache.poi.ss.usermodel.Workbook workbook) {
        this.workbook = workbook;
        this.helper = workbook.getCreationHelper();
        this.header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        this.date = workbook.createCellStyle();
        date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
        this.red = redStyle(null);
        this.redDate = redStyle(date);
    }

    private CellStyle redStyle(CellStyle base) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        if (base != null) {
            style.cloneStyleFrom(base);
        }
        style.setFillForegroundColor(new XSSFColor(hex(RED)));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setColor(new XSSFColor(hex(DARK_RED)));
        style.setFont(font);
        return style;
    }

    private static byte[] hex(String rgb) {
        return java.util.HexFormat.of().parseHex(rgb);
    }

    CellStyle header() {
        return header;
    }

    CellStyle date() {
        return date;
    }

    /** Writes {@code from} into {@code to} as the original held it (numbers stay numbers, dates stay dates). */
    void copy(SheetCell from, Cell to, boolean headerRow) {
        switch (from.type()) {
            case NUMBER -> {
                try {
                    to.setCellValue(Double.parseDouble(from.text()));
                    if (from.dateStyled()) {
                        to.setCellStyle(date);
                    }
                } catch (NumberFormatException e) {
                    to.setCellValue(from.text());
                }
            }
            case BOOLEAN -> to.setCellValue("1".equals(from.text()) || "true".equalsIgnoreCase(from.text()));
            default -> to.setCellValue(from.text());
        }
        if (headerRow) {
            to.setCellStyle(header);
        }
    }

    /** Fills {@code cell} red and, when there is one, gives it {@code comment}. */
    void mark(Cell cell, String comment) {
        cell.setCellStyle(cell.getCellStyle() == date ? redDate : red);
        if (comment == null) {
            return;
        }
        Sheet sheet = cell.getSheet();
        if (drawingSheet != sheet) {
            drawing = sheet.createDrawingPatriarch();
            drawingSheet = sheet;
        }
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 6);
        Comment note = drawing.createCellComment(anchor);
        note.setString(new XSSFRichTextString(comment));
        note.setAuthor("SEDX");
        // SXSSF keeps a comment at its anchor's cell unless told otherwise
        note.setAddress(cell.getAddress());
        cell.setCellComment(note);
    }
}
