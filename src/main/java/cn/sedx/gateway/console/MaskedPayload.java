package cn.sedx.gateway.console;

import cn.sedx.gateway.shared.PersonalDataMask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A stored payload as the console shows it: JSON pretty-printed with identity-document numbers and phones masked.
 * A field named for one ({@code idNumber}, {@code mobile}, {@code phone} …) is masked whatever its value looks like;
 * every other text is masked wherever it matches an ID number or a mobile, except the fields known to hold codes
 * that only look like one (device codes, credit codes, registration and certificate numbers). Plain Java.
 */
final class MaskedPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Payloads longer than this, pretty-printed, are cut. */
    static final int MAX_SHOWN = 512 * 1024;
    private static final Set<String> CODES = Set.of("uscc", "unituscc", "devicecode", "devicecodes",
            "responsibledevicecodes", "useregistrationnumbers", "licencenumbers", "certificatenumber",
            "documentnumber", "regioncode", "messageid", "previousmessageid");

    private MaskedPayload() {}

    /** The masked, indented JSON, or null when the payload is not JSON (an exchange package is a ZIP). */
    static String of(byte[] payload) {
        if (payload == null || payload.length == 0 || payload[0] == 'P') {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(payload);
            if (!(root instanceof ContainerNode<?>)) {
                return root == null ? null : PersonalDataMask.text(root.toString());
            }
            mask(root, "");
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "\n…" : text;
        } catch (IOException e) {
            return PersonalDataMask.text(new String(payload, 0, Math.min(payload.length, 2000),
                    StandardCharsets.UTF_8));
        }
    }

    private static void mask(JsonNode node, String field) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (entry.getValue().isTextual()) {
                    entry.setValue(TextNode.valueOf(masked(entry.getKey(), entry.getValue().asText())));
                } else {
                    mask(entry.getValue(), entry.getKey());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(masked(field, array.get(i).asText())));
                } else {
                    mask(array.get(i), field);
                }
            }
        }
    }

    private static String masked(String field, String value) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("mobile") || name.contains("phone")) {
            return PersonalDataMask.mobile(value);
        }
        if (name.contains("idnumber")) {
            return PersonalDataMask.idNumber(value);
        }
        return CODES.contains(name) ? value : PersonalDataMask.text(value);
    }
}
