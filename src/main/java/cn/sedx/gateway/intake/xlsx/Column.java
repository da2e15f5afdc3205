package cn.sedx.gateway.intake.xlsx;

/**
 * One column of a template: its Chinese header (row 1), its English field name (row 2), where its value goes in the
 * canonical JSON, how a cell of it is read, and the format note its header's comment shows.
 *
 * @param header    the Chinese header
 * @param name      the English field name shown beneath it; columns are found by it (or by the header)
 * @param pointer   the JSON pointer of the value; {@code -} stands for the row's element of the sheet's row array
 *                  ({@code /persons/-/idNumber}); null for the grouping key, which is not part of the filing
 * @param kind      how a cell is read
 * @param choice    the drop-down list, or null
 * @param required  whether the template marks it required (validation decides; this only informs the clerk)
 * @param noteZh    the format, in Chinese
 * @param noteEn    the format, in English
 */
public record Column(String header, String name, String pointer, Kind kind, Choice choice, boolean required,
        String noteZh, String noteEn) {

    /** How a cell of a column is read. */
    public enum Kind {
        /** The grouping key (填报编号, 记录编号): rows with the same key and credit code form one filing. */
        KEY,
        /** Free text; a number is written as its digits. */
        TEXT,
        /** A code or number kept as text; a number of more than 15 digits has lost digits and is refused. */
        IDENTIFIER,
        /** An identity-document number: must be text, a number is refused whatever its size. */
        ID_NUMBER,
        /** A date: ISO, 2023年6月1日, 2023/6/1 or an Excel date serial; written yyyy-MM-dd. */
        DATE,
        /** A period: a date as for DATE, else the text as it is (2026-W48, 2026-11). */
        PERIOD,
        /** A number (a number typed as text is read as the number). */
        NUMBER,
        /** One value of the drop-down list, by label or code. */
        CHOICE,
        /** Several values of a code list, separated by ; ； , ， or 、. */
        CHOICES,
        /** Several texts (licence, registration or device numbers), separated as for CHOICES. */
        TEXTS
    }

    /** Whether the value belongs to the row's element of the row array rather than to the filing. */
    public boolean perRow() {
        return pointer != null && pointer.contains("/-/");
    }
}
