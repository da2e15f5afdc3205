package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each column of a layout is in an uploaded sheet: found by the English field name of row 2, else by the
 * Chinese header of row 1, so columns may be in any order and optional ones left out.
 */
final class SheetHeader {

    private final SheetLayout layout;
    private final int[] index;
    private final int headerRows;

    private SheetHeader(SheetLayout layout, int[] index, int headerRows) {
        this.layout = layout;
        this.index = index;
        this.headerRows = headerRows;
    }

    /**
     * @param first  row 1 (Chinese headers)
     * @param second row 2 (English field names), or null when the sheet has one row
     * @throws XlsxFailure XLSX_HEADER_INVALID naming the required columns that are missing
     */
    static SheetHeader of(SheetLayout layout, SheetRow first, SheetRow second) throws XlsxFailure {
        SheetHeader header = found(layout, first, second);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < header.index.length; i++) {
            if (header.index[i] < 0 && layout.columns().get(i).required()) {
                missing.add(layout.columns().get(i).header());
            }
        }
        if (!missing.isEmpty()) {
            throw new XlsxFailure(ErrorCode.XLSX_HEADER_INVALID, 1, "缺少列 " + String.join("、", missing),
                    "missing columns " + String.join(", ", missing));
        }
        return header;
    }

    /** The columns that are there, whether or not every required one is. */
    static SheetHeader found(SheetLayout layout, SheetRow first, SheetRow second) {
        int[] index = new int[layout.columns().size()];
        boolean named = false;
        for (int i = 0; i < index.length; i++) {
            Column column = layout.columns().get(i);
            int byName = second == null ? -1 : find(second, column.name());
            named |= byName >= 0;
            index[i] = byName >= 0 ? byName : first == null ? -1 : find(first, column.header());
        }
        return new SheetHeader(layout, index, named ? 2 : 1);
    }

    private static int find(SheetRow row, String text) {
        for (SheetCell cell : row.cells()) {
            if (cell.type() == SheetCell.Type.STRING && cell.text().strip().equals(text)) {
                return cell.column();
            }
        }
        return -1;
    }

    /** How many rows the header takes (2 with the English names, 1 without). */
    int rows() {
        return headerRows;
    }

    /** The sheet column (from 0) of layout column {@code i}, or -1 when the sheet has none. */
    int columnOf(int i) {
        return index[i];
    }

    /** The cell of layout column {@code i} in {@code row}, or null when absent or blank. */
    SheetCell cell(SheetRow row, int i) {
        SheetCell cell = index[i] < 0 ? null : row.cell(index[i]);
        return cell == null || cell.blank() ? null : cell;
    }

    SheetLayout layout() {
        return layout;
    }
}
