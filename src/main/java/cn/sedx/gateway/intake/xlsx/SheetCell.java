package cn.sedx.gateway.intake.xlsx;

/**
 * One cell as the sheet stores it, before any column's rules read it.
 *
 * @param column     from 0 (A)
 * @param type       what the cell holds
 * @param text       the text, or the number as the sheet writes it ({@code 45078}, {@code 1.10105E+17})
 * @param dateStyled whether a number carries a date format
 */
record SheetCell(int column, Type type, String text, boolean dateStyled) {

    /** What a cell holds. */
    public enum Type {
        /** Text: shared, inline or a formula's text result. */
        STRING,
        /** A number (a date is a number with a date format). */
        NUMBER,
        /** TRUE or FALSE, written 1 or 0. */
        BOOLEAN,
        /** An ISO 8601 date (rare: cell type "d"). */
        DATE,
        /** An error value such as #N/A. */
        ERROR,
        /** Text longer than the limit; {@code text} holds its start only. */
        TOO_LONG
    }

    /** Whether the cell holds nothing a reader would see. */
    public boolean blank() {
        return text == null || text.isBlank();
    }
}
