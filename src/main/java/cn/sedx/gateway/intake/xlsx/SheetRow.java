package cn.sedx.gateway.intake.xlsx;

import java.util.List;

/**
 * One row of a sheet: its number as Excel shows it (from 1) and its non-empty cells in column order.
 */
record SheetRow(long number, List<SheetCell> cells) {

    /** The cell in {@code column} (from 0), or null when the row has none there. */
    public SheetCell cell(int column) {
        for (SheetCell cell : cells) {
            if (cell.column() == column) {
                return cell;
            }
            if (cell.column() > column) {
                return null;
            }
        }
        return null;
    }

    /** Whether no cell holds anything. */
    public boolean blank() {
        return cells.stream().allMatch(SheetCell::blank);
    }
}
