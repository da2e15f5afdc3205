package cn.sedx.gateway.shared;

/**
 * Makes text safe for one line of a plain-text log: personal identifiers masked ({@link PersonalDataMask}), and
 * CR, LF and every other control or line-separating character written as an escape ({@code \n}, {@code \r},
 * {@code \u2028} …), so no input can forge or split a log line. Tabs stay.
 */
public final class LogLines {

    private LogLines() {}

    /** The masked and escaped text; null stays null. */
    public static String safe(String text) {
        return escape(PersonalDataMask.text(text));
    }

    /** CR, LF, the other C0 controls but tab, DEL, NEL and the Unicode line and paragraph separators escaped. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 && c != '\t' || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029';
    }
}
