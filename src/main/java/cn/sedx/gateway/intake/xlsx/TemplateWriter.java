package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.model.UnitKind;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a template: the data sheet (Chinese headers over the English field names, frozen; a comment on each header
 * with its format; drop-down lists for every enumerated column, roles offered by the row's unit kind; date and text
 * formats on the columns; one sample row the intake skips), the instructions sheet 填写说明, and the hidden sheet
 * 代码表 the lists come from. A template is small, so it is built in memory.
 */
public final class TemplateWriter {

    /** The hidden sheet of the drop-down lists. */
    public static final String LISTS_SHEET = "代码表";
    /** The instructions sheet. */
    public static final String INSTRUCTIONS_SHEET = "填写说明";
    /** Rows (after the header) that carry the drop-down lists. */
    public static final int LIST_ROWS = 20_000;
    /** The prefix of the defined names of the role lists; the unit kind's label or code follows it. */
    static final String ROLES = "岗位_";

    private TemplateWriter() {}

    /**
     * Writes the template of {@code layout} to {@code out} (not closed).
     *
     * @param jurisdiction region prefix whose GB/T 2260 codes the region list offers; empty for all
     */
    public static void write(SheetLayout layout, String jurisdiction, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet data = workbook.createSheet(layout.sheetName());
            Sheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
            Sheet lists = workbook.createSheet(LISTS_SHEET);
            List<Column> columns = withRegions(layout.columns(), jurisdiction);
            Styles styles = new Styles(workbook);
            header(data, columns, styles);
            ListNames names = new ListNames(workbook, lists, columns);
            validations(data, columns, names);
            sample(data, layout, columns, styles);
            TemplateInstructions.write(instructions, layout, columns, styles.header);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private static List<Column> withRegions(List<Column> columns, String jurisdiction) {
        List<Column> adjusted = new ArrayList<>();
        for (Column c : columns) {
            adjusted.add(c.choice() != null && c.choice().name().equals("regionCode") ? new Column(c.header(), c.name(),
                    c.pointer(), c.kind(), Choices.regions(jurisdiction), c.required(), c.noteZh(), c.noteEn()) : c);
        }
        return adjusted;
    }

    private static void header(Sheet data, List<Column> columns, Styles styles) {
        Row zh = data.createRow(0);
        Row en = data.createRow(1);
        Drawing<?> drawing = data.createDrawingPatriarch();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Cell top = zh.createCell(i);
            top.setCellValue(column.header());
            top.setCellStyle(column.required() ? styles.required : styles.header);
            Cell below = en.createCell(i);
            below.setCellValue(column.name());
            below.setCellStyle(styles.fieldName);
            ClientAnchor anchor = data.getWorkbook().getCreationHelper().createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 4);
            anchor.setRow1(0);
            anchor.setRow2(6);
            var comment = drawing.createCellComment(anchor);
            comment.setString(new XSSFRichTextString((column.required() ? "必填。" : "选填。") + column.noteZh() + "\n"
                    + (column.required() ? "Required. " : "Optional. ") + column.noteEn()));
            comment.setAuthor("SEDX");
            top.setCellComment(comment);
            data.setColumnWidth(i, Math.max(12, Math.min(40, column.header().length() * 3 + 6)) * 256);
            CellStyle style = styles.forKind(column.kind());
            if (style != null) {
                data.setDefaultColumnStyle(i, style);
            }
        }
        data.createFreezePane(0, 2);
    }

    private static void validations(Sheet data, List<Column> columns, ListNames names) {
        DataValidationHelper helper = data.getDataValidationHelper();
        int unitKind = indexOf(columns, Choices.UNIT_KIND.name());
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.choice() == null) {
                continue;
            }
            String formula = column.choice().name().equals(Choices.ROLE.name()) && unitKind >= 0
                    ? "INDIRECT(\"" + ROLES + "\"&$" + CellReference.convertNumToColString(unitKind)
                            + SheetLayout.FIRST_DATA_ROW + ")"
                    : names.of(column.choice());
            DataValidationConstraint constraint = helper.createFormulaListConstraint(formula);
            DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(
                    SheetLayout.FIRST_DATA_ROW - 1, SheetLayout.FIRST_DATA_ROW - 2 + LIST_ROWS, i, i));
            boolean many = column.kind() == Column.Kind.CHOICES;
            validation.setErrorStyle(many ? DataValidation.ErrorStyle.INFO : DataValidation.ErrorStyle.STOP);
            validation.setShowErrorBox(!many);
            validation.createErrorBox("请从列表中选择", "请从下拉列表中选择 / pick a value from the list");
            validation.setShowPromptBox(true);
            validation.createPromptBox(column.header(), trim(column.noteZh(), 250));
            validation.setSuppressDropDownArrow(true);
            data.addValidationData(validation);
        }
    }

    private static String trim(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static int indexOf(List<Column> columns, String choiceName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).choice() != null && columns.get(i).choice().name().equals(choiceName)) {
                return i;
            }
        }
        return -1;
    }

    private static void sample(Sheet data, SheetLayout layout, List<Column> columns, Styles styles) {
        Row row = data.createRow(SheetLayout.FIRST_DATA_ROW - 1);
        for (int i = 0; i < columns.size(); i++) {
            String value = layout.sample().get(columns.get(i).name());
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (columns.get(i).kind()) {
                case DATE -> {
                    cell.setCellValue(LocalDate.parse(value));
                    cell.setCellStyle(styles.date);
                }
                case NUMBER -> cell.setCellValue(Double.parseDouble(value));
                default -> {
                    cell.setCellValue(value);
                    cell.setCellStyle(styles.sample);
                }
            }
        }
    }

    /** The defined names of the lists on the hidden sheet, one column per list. */
    private static final class ListNames {
        private final XSSFWorkbook workbook;
        private final Sheet lists;
        private final java.util.Map<String, String> names = new java.util.HashMap<>();
        private int nextColumn;

        ListNames(XSSFWorkbook workbook, Sheet lists, List<Column> columns) {
            this.workbook = workbook;
            this.lists = lists;
            for (Column column : columns) {
                if (column.choice() != null && !names.containsKey(column.choice().name())) {
                    names.put(column.choice().name(), define("list_" + column.choice().name(), column.choice()));
                }
            }
            if (names.containsKey(Choices.ROLE.name())) {
                define(ROLES, Choices.ROLE);
                for (UnitKind kind : UnitKind.values()) {
                    Choice roles = Choices.roles(kind);
                    define(ROLES + kind.name(), roles);
                    define(ROLES + Choices.UNIT_KIND.options().get(kind.ordinal()).label(), roles);
                }
            }
        }

        String of(Choice choice) {
            return names.get(choice.name());
        }

        private String define(String name, Choice choice) {
            int column = nextColumn++;
            for (int r = 0; r <= choice.options().size(); r++) {
                Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                row.createCell(column).setCellValue(r == 0 ? name : choice.options().get(r - 1).label());
            }
            String letter = CellReference.convertNumToColString(column);
            Name defined = workbook.createName();
            defined.setNameName(name);
            defined.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$"
                    + (choice.options().size() + 1));
            return name;
        }
    }

    /** The cell styles of a template. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle required;
        final CellStyle fieldName;
        final CellStyle date;
        final CellStyle text;
        final CellStyle sample;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = filled(workbook, IndexedColors.PALE_BLUE, bold);
            Font boldRed = workbook.createFont();
            boldRed.setBold(true);
            boldRed.setColor(IndexedColors.DARK_RED.getIndex());
            required = filled(workbook, IndexedColors.PALE_BLUE, boldRed);
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            fieldName = filled(workbook, IndexedColors.GREY_25_PERCENT, grey);
            short textFormat = workbook.createDataFormat().getFormat("@");
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            sample = workbook.createCellStyle();
            sample.setDataFormat(textFormat);
        }

        private static CellStyle filled(XSSFWorkbook workbook, IndexedColors colour, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setFont(font);
            return style;
        }

        /** The column style of a kind: dates formatted as dates, codes and numbers-as-text as text. */
        CellStyle forKind(Column.Kind kind) {
            return switch (kind) {
                case DATE -> date;
                case KEY, IDENTIFIER, ID_NUMBER, PERIOD, TEXTS -> text;
                default -> null;
            };
        }
    }
}
