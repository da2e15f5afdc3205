package cn.sedx.gateway.intake.xlsx;

import java.util.List;

/**
 * Where a JSON pointer of a filing read from a sheet is: the row of the element it concerns ({@code /persons/2/…}
 * is the third person's row) or the group's first row, and the column whose pointer is the longest prefix of it;
 * a pointer no column holds (a rule about the whole filing, {@code /persons}) is placed on the key column.
 */
final class RecordPlaces {

    private final SheetLayout layout;

    RecordPlaces(SheetLayout layout) {
        this.layout = layout;
    }

    XlsxRecordSource.CellPlace locate(String pointer, long firstRow, List<Long> elementRows, SheetHeader header) {
        String path = pointer == null ? "" : pointer;
        long row = firstRow;
        String array = layout.rowArray() == null ? null : "/" + layout.rowArray() + "/";
        if (array != null && path.startsWith(array)) {
            String rest = path.substring(array.length());
            int slash = rest.indexOf('/');
            String index = slash < 0 ? rest : rest.substring(0, slash);
            if (!index.isEmpty() && index.chars().allMatch(Character::isDigit) && index.length() < 6) {
                int element = Integer.parseInt(index);
                row = element < elementRows.size() ? elementRows.get(element) : firstRow;
                path = array + "-" + (slash < 0 ? "" : rest.substring(slash));
            }
        }
        return new XlsxRecordSource.CellPlace(row, column(path, header).header());
    }

    private Column column(String path, SheetHeader header) {
        Column best = layout.key();
        int bestLength = 0;
        for (int i = 0; i < layout.columns().size(); i++) {
            Column column = layout.columns().get(i);
            String p = column.pointer();
            if (p != null && header.columnOf(i) >= 0 && (path.equals(p) || path.startsWith(p + "/"))
                    && p.length() > bestLength) {
                best = column;
                bestLength = p.length();
            }
        }
        return best;
    }
}
