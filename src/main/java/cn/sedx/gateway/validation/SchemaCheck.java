package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.PersonalDataMask;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Checks a body against its JSON Schema (2020-12) in {@code schemas/}, loaded from the classpath only:
 * the schemas' {@code https://sedx.cn/schemas/} ids map to {@code classpath:schemas/}, so nothing is
 * fetched from the network. Thread-safe.
 */
final class SchemaCheck {

    /** The {@code $id} prefix of the SEDX schemas. */
    static final String ID_PREFIX = "https://sedx.cn/schemas/";

    private static final Map<MessageType, String> FILES = Map.of(
            MessageType.PERSONNEL_FILING, "personnel-filing.schema.json",
            MessageType.SAFETY_RECORD, "safety-record.schema.json",
            MessageType.YEAR_END_REPORT, "year-end-report.schema.json",
            MessageType.TRAINING_RECORD, "training-record.schema.json",
            MessageType.RECTIFICATION_ORDER, "rectification-order.schema.json",
            MessageType.RECTIFICATION_ORDER_CHANGE, "rectification-order-change.schema.json",
            MessageType.AGENCY_REPORT, "agency-report.schema.json");

    private final Map<MessageType, JsonSchema> schemas = new EnumMap<>(MessageType.class);
    private final ResourceBundle chinese = ResourceBundle.getBundle("jsv-messages", Locale.SIMPLIFIED_CHINESE);

    /** Loads and compiles the schemas of every submitted type; fails at once if one is missing or broken. */
    SchemaCheck() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        FILES.forEach((type, file) -> {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(ID_PREFIX + file), config);
            schema.initializeValidators();
            schemas.put(type, schema);
        });
    }

    /**
     * Every schema violation of the body, ordered by pointer. A failed {@code "format": "date"} is a
     * DATE_INVALID, anything else a SCHEMA_VIOLATION. A missing or unexpected property's pointer
     * names that property.
     */
    List<Violation> check(MessageType type, JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schemas.get(type).validate(body == null ? NullNode.getInstance() : body)) {
            violations.add(toViolation(message));
        }
        violations.sort(Comparator.comparing(Violation::pointer));
        return violations;
    }

    private Violation toViolation(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        if (message.getProperty() != null && namesProperty(message.getType())) {
            pointer = pointer + "/" + escape(message.getProperty());
        }
        if (isDateFormat(message)) {
            return Violation.of(ErrorCode.DATE_INVALID, pointer,
                    "须为真实存在的日期，格式 yyyy-MM-dd", "expected a real calendar date written yyyy-MM-dd");
        }
        String english = stripLocation(message.getMessage(), message.getInstanceLocation().toString());
        return Violation.of(ErrorCode.SCHEMA_VIOLATION, pointer,
                PersonalDataMask.text(chinese(message)), PersonalDataMask.text(english));
    }

    private String chinese(ValidationMessage message) {
        try {
            String pattern = chinese.getString(message.getMessageKey());
            Object[] arguments = message.getArguments() == null ? new Object[0] : message.getArguments();
            Object[] all = new Object[arguments.length + 1];
            all[0] = "";
            System.arraycopy(arguments, 0, all, 1, arguments.length);
            // the bundled translation calls a schema 架构; the SEDX documents call it 接口规范
            return stripLocation(new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(all), "")
                    .replace("架构", "接口规范");
        } catch (MissingResourceException | IllegalArgumentException e) {
            return "违反规则 " + message.getType();
        }
    }

    private static boolean isDateFormat(ValidationMessage message) {
        return "format".equals(message.getType()) && String.valueOf(message.getMessageKey()).startsWith("format.date");
    }

    private static boolean namesProperty(String keyword) {
        return "required".equals(keyword) || "additionalProperties".equals(keyword)
                || "dependentRequired".equals(keyword);
    }

    private static String stripLocation(String text, String location) {
        String prefix = location + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
