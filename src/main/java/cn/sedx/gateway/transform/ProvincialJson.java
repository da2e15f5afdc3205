package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Canonical JSON → the provincial platform's JSON ({@code schemas/provincial-filing.schema.json}): the canonical
 * filing unchanged under {@code filing}, wrapped in an envelope that names the format version, the message and
 * its unit. The output depends only on its input, so every attempt sends the same bytes. Thread-safe.
 */
public class ProvincialJson {

    /** The format versions this mapper writes. */
    public static final Set<String> VERSIONS = Set.of("1.0");

    private final ObjectMapper mapper;

    public ProvincialJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param canonical the accepted canonical JSON of the message
     * @return the UTF-8 bytes to sign and send
     * @throws TransformException FORMAT_VERSION_UNSUPPORTED or TRANSFORM_FAILED
     */
    public byte[] write(String formatVersion, Envelope envelope, JsonNode canonical) {
        if (!VERSIONS.contains(formatVersion)) {
            throw new TransformException(ErrorCode.FORMAT_VERSION_UNSUPPORTED, envelope.messageId(),
                    "provincial format " + formatVersion + " is not supported (" + VERSIONS + ")", null);
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", formatVersion);
        root.put("messageId", envelope.messageId());
        root.put("messageType", envelope.type().name());
        root.put("receivedAt", envelope.receivedAt().toString());
        ObjectNode unit = root.putObject("unit");
        putIfPresent(unit, "uscc", envelope.unitUscc());
        putIfPresent(unit, "regionCode", envelope.regionCode());
        putIfPresent(unit, "unitKind", unitKind(canonical));
        root.set("filing", canonical);
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new TransformException(ErrorCode.TRANSFORM_FAILED, envelope.messageId(),
                    "cannot write provincial JSON", e);
        }
    }

    /** The unit kind the filing names: a personnel filing's {@code unit.unitKind}, a safety record's {@code unitKind}. */
    private static String unitKind(JsonNode canonical) {
        JsonNode kind = canonical.has("unit") ? canonical.path("unit").get("unitKind") : canonical.get("unitKind");
        return kind != null && kind.isTextual() ? kind.asText() : null;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
