package cn.sedx.gateway.intake.xlsx;

import java.util.List;
import java.util.Map;

/**
 * The layout of one template's data sheet, shared by the template writer, the intake and the error workbook.
 *
 * @param template    the template's name in {@code /api/v1/templates/{template}.xlsx}
 * @param sheetName   the data sheet's name; the intake finds the sheet by it
 * @param messageType the name of the message type its rows become (a {@code MessageType} constant)
 * @param titleZh     what the sheet holds, in Chinese
 * @param titleEn     the same in English
 * @param rowArray    the array each row adds an element to ({@code persons}, {@code findings}); null when every row
 *                    is a record of its own
 * @param columns     in template order
 * @param sample      the sample row's values by column name (dates ISO, lists by label)
 */
public record SheetLayout(String template, String sheetName, String messageType, String titleZh, String titleEn,
        String rowArray, List<Column> columns, Map<String, String> sample) {

    /** A row whose key cell reads this is the template's sample row: it is skipped. */
    public static final String SAMPLE_KEY = "示例";

    /** The first row of data (rows 1 and 2 are the header). */
    public static final int FIRST_DATA_ROW = 3;

    /** The grouping key column. */
    public Column key() {
        return columns.stream().filter(c -> c.kind() == Column.Kind.KEY).findFirst().orElseThrow();
    }

    /** Whether rows with the same value in {@code column} belong together: the key and the unit's credit code. */
    public boolean groupsBy(Column column) {
        return column.kind() == Column.Kind.KEY || "/unit/uscc".equals(column.pointer())
                || "/unitUscc".equals(column.pointer());
    }

    /** The column whose pointer is {@code pointer}, or null. */
    public Column byPointer(String pointer) {
        return columns.stream().filter(c -> pointer.equals(c.pointer())).findFirst().orElse(null);
    }
}
