package cn.sedx.gateway.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right). A field that a
 * spreadsheet would run as a formula ({@code = + - @} first) is prefixed with an apostrophe. Plain Java.
 */
final class Csv {

    private Csv() {}

    static byte[] write(List<List<String>> lines) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(field(line.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
