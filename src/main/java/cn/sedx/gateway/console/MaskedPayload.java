package cn.sedx.gateway.console;

import cn.sedx.gateway.shared.PersonalDataMask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A stored payload as the console shows it: JSON pretty-printed with every identity-document number and phone
 * masked, both by field name (whatever the value looks like) and by pattern anywhere in the text. Plain Java.
 */
final class MaskedPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Payloads larger than this are not shown in full. */
    static final int MAX_SHOWN = 512 * 1024;

    private MaskedPayload() {}

    /** The masked, indented JSON, or null when the payload is not JSON (an exchange package). */
    static String of(byte[] payload) {
        if (payload == null || payload.length == 0 || payload[0] == 'P') {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(payload);
            if (root == null) {
                return null;
            }
            mask(root);
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            if (text.length() > MAX_SHOWN) {
                text = text.substring(0, MAX_SHOWN) + "\n…";
            }
            return PersonalDataMask.text(text);
        } catch (IOException e) {
            return PersonalDataMask.text(new String(payload, 0, Math.min(payload.length, 2000),
                    StandardCharsets.UTF_8));
        }
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && personal(field.getKey())) {
                    field.setValue(TextNode.valueOf(maskValue(field.getKey(), field.getValue().asText())));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(MaskedPayload::mask);
        }
    }

    private static boolean personal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("idnumber") || lower.contains("mobile") || lower.contains("phone");
    }

    private static String maskValue(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("mobile") || lower.contains("phone") ? PersonalDataMask.mobile(value)
                : PersonalDataMask.idNumber(value);
    }
}
