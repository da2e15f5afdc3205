package cn.sedx.gateway.intake;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Parses submitted JSON into a tree under the intake's limits: nesting depth, string length, no duplicate
 * keys, nothing after the document. Each refusal is a {@link SedxException} with its own code.
 */
@Component
public class SubmittedJson {

    private final ObjectMapper mapper;

    public SubmittedJson(IntakeSettings settings) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(settings.maxNestingDepth())
                .maxStringLength(settings.maxStringLength())
                .maxNumberLength(64)
                .build();
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.mapper.getFactory().setStreamReadConstraints(constraints);
    }

    /** Reads {@code body} as one JSON object. */
    public JsonNode parse(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            ErrorCode code = e.getMessage().contains("nesting") ? ErrorCode.NESTING_TOO_DEEP : ErrorCode.PAYLOAD_TOO_LARGE;
            throw refusal(code, "JSON 超出解析限制", "the JSON exceeds a parser limit");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw refusal(ErrorCode.MALFORMED_JSON, "无法解析" + where, "cannot be parsed" + where);
        } catch (IOException e) {
            throw refusal(ErrorCode.MALFORMED_JSON, "无法读取", "cannot be read");
        }
        if (tree == null || !tree.isObject()) {
            throw refusal(ErrorCode.MALFORMED_JSON, "请求体须为 JSON 对象", "the body must be a JSON object");
        }
        return tree;
    }

    private static SedxException refusal(ErrorCode code, String zh, String en) {
        return SedxException.at(code, "", zh, en);
    }
}
