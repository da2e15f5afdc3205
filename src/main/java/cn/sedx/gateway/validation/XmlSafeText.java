package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds text that XML 1.0 cannot carry: C0 controls other than tab, CR and LF, lone surrogates, U+FFFE and U+FFFF.
 * Every filing travels as XML somewhere (SOAP answers, the national batch, exchange manifests), and one such
 * character accepted would make that document unwritable for every filing in it, so every channel refuses it at
 * intake (XML_UNSAFE_TEXT, with the JSON pointer of the value). Member names are checked too; a bad name is
 * reported at its object's pointer, since the name itself cannot be written back. Thread-safe.
 */
final class XmlSafeText {

    /** Reports stop here, so a body full of controls cannot make an answer of unbounded size. */
    static final int MAX_REPORTED = 50;

    private XmlSafeText() {}

    /** The violations of {@code body}, at most {@link #MAX_REPORTED}, in document order; empty when all is safe. */
    static List<Violation> check(JsonNode body) {
        List<Violation> found = new ArrayList<>();
        if (body != null) {
            walk(body, "", found);
        }
        return found;
    }

    /** The index of the first character XML 1.0 cannot carry, or -1. */
    static int firstUnsafe(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && unsafeHigh(text, i, c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return -1;
    }

    private static boolean unsafeHigh(CharSequence text, int i, char c) {
        if (c == '\uFFFE' || c == '\uFFFF') {
            return true;
        }
        if (Character.isLowSurrogate(c)) {
            return true;
        }
        return Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)));
    }

    private static void walk(JsonNode node, String pointer, List<Violation> found) {
        if (found.size() >= MAX_REPORTED) {
            return;
        }
        if (node.isTextual()) {
            report(node.textValue(), pointer, false, found);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (report(field.getKey(), pointer, true, found)) {
                    continue;
                }
                walk(field.getValue(), pointer + "/" + SchemaCheck.escape(field.getKey()), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static boolean report(String text, String pointer, boolean name, List<Violation> found) {
        int at = firstUnsafe(text);
        if (at < 0 || found.size() >= MAX_REPORTED) {
            return at >= 0;
        }
        String character = String.format("U+%04X", (int) text.charAt(at));
        String where = name ? "成员名称" : "文本";
        found.add(Violation.of(ErrorCode.XML_UNSAFE_TEXT, pointer,
                where + "第 " + (at + 1) + " 个字符为 " + character + "，XML 1.0 无法承载",
                (name ? "a member name" : "the text") + " holds " + character + " at character " + (at + 1)
                        + ", which XML 1.0 cannot carry"));
        return true;
    }
}
