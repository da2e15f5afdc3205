package cn.sedx.gateway.operations;

import cn.sedx.gateway.shared.PersonalDataMask;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks ID and mobile numbers in every string of a structured (JSON) log line, message and stack trace included,
 * as {@code MaskingMessageConverter} does for the text pattern ({@code logging.structured.json.customizer}).
 */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataMask::text));
    }
}
