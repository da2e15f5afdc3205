package cn.sedx.gateway.intake.xlsx;

import java.util.List;

/**
 * The values an enumerated column offers in its drop-down list, each a label the clerk sees and the code the
 * canonical JSON carries. A cell is read by its label, by its code (any case), or, for code lists such as
 * {@code 440106 广东省 广州市 天河区}, by the code its text opens with.
 *
 * @param name    the name of the list (the defined name of its range in the workbook)
 * @param options in drop-down order
 * @param coded   whether the label opens with the code (region, category and nationality lists)
 */
record Choice(String name, List<Option> options, boolean coded) {

    /** One value of a list. */
    public record Option(String label, String code) {}

    /** The code a cell's text means; the text itself when it names none (validation then refuses it). */
    public String code(String text) {
        String value = text.strip();
        if (coded) {
            int space = firstSpace(value);
            return space < 0 ? value : value.substring(0, space);
        }
        for (Option option : options) {
            if (option.label().equals(value) || option.code().equalsIgnoreCase(value)) {
                return option.code();
            }
        }
        return value;
    }

    private static int firstSpace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == '\u3000') {
                return i;
            }
        }
        return -1;
    }
}
