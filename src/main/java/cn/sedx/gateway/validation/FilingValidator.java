package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.SafetyRecord;
import cn.sedx.gateway.model.YearEndReport;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Validates a filing of any type: text that XML cannot carry first ({@code XML_UNSAFE_TEXT}, reported alone, the
 * same for every channel), then its JSON Schema, then, on a schema-valid body only, its identifiers and business
 * rules (docs/validation.md lists them). Every violation is collected, not only the first. A year-end
 * report's classification is checked even when the rest of it fails. Thread-safe; plain Java apart from the
 * annotation.
 */
@Component
public class FilingValidator {

    private final SchemaCheck schemas = new SchemaCheck();
    private final ObjectMapper mapper = CanonicalJson.mapper();
    private final PersonnelFilingRules personnelRules;
    private final SafetyRecordRules safetyRules;
    private final YearEndReportRules reportRules;

    /**
     * @param settings  the configured limits and prohibitions
     * @param directory the personnel filings on file, read for safety records
     * @param clock     the clock "today" is taken from (in Beijing time); tests pass a fixed one
     */
    public FilingValidator(ValidationSettings settings, PersonnelDirectory directory, Clock clock) {
        IdentifierChecks identifiers = new IdentifierChecks(Objects.requireNonNull(clock, "clock"),
                settings.acceptBingtuanRegion());
        this.personnelRules = new PersonnelFilingRules(settings, identifiers);
        this.safetyRules = new SafetyRecordRules(Objects.requireNonNull(directory, "directory"), identifiers,
                settings);
        this.reportRules = new YearEndReportRules(settings, identifiers);
    }

    /**
     * Validates one body.
     *
     * @param type the message type the body claims to be; never null
     * @param body the parsed body; null is treated as JSON null (a schema violation)
     * @return the outcome; never null. Its filing is the typed record only when the schema passed.
     */
    public ValidationOutcome validate(MessageType type, JsonNode body) {
        Objects.requireNonNull(type, "type");
        List<Violation> unsafe = XmlSafeText.check(body);
        if (!unsafe.isEmpty()) {
            // reported alone: no other check may echo such text, and the filing's region is not taken from it
            return new ValidationOutcome(unsafe, List.of(), null, null, null);
        }
        Violations violations = new Violations();
        if (type == MessageType.YEAR_END_REPORT) {
            YearEndReportRules.refuseClassified(body, violations);
        }
        List<Violation> schemaErrors = schemas.check(type, body);
        violations.addErrors(schemaErrors);
        String uscc = text(body, usccPointer(type));
        if (!schemaErrors.isEmpty()) {
            return new ValidationOutcome(violations.errors(), violations.warnings(), null, uscc,
                    rawRegion(type, body, uscc), null, rawRegionPointer(type, body));
        }
        return applyRules(type, body, uscc, violations);
    }

    private ValidationOutcome applyRules(MessageType type, JsonNode body, String uscc, Violations violations) {
        switch (type) {
            case PERSONNEL_FILING -> {
                PersonnelFiling filing = bind(body, PersonnelFiling.class);
                personnelRules.check(filing, violations);
                return new ValidationOutcome(violations.errors(), violations.warnings(), filing, uscc,
                        filing.unit().regionCode(), filing.unit().unitKind(), "/unit/regionCode");
            }
            case SAFETY_RECORD -> {
                SafetyRecord record = bind(body, SafetyRecord.class);
                ResolvedUnit unit = safetyRules.check(record, violations);
                return new ValidationOutcome(violations.errors(), violations.warnings(), record, uscc,
                        unit.regionCode(), unit.kind(), unit.regionPointer());
            }
            default -> {
                YearEndReport report = bind(body, YearEndReport.class);
                reportRules.check(report, violations);
                return new ValidationOutcome(violations.errors(), violations.warnings(), report, uscc,
                        report.issuer().regionCode(), null, "/issuer/regionCode");
            }
        }
    }

    /**
     * The region of a body that failed its schema, for the jurisdiction check: as written; for a safety record its
     * {@code regionCode}, else its credit code's characters 3–8 (no lookup of a body that may be anything).
     */
    private static String rawRegion(MessageType type, JsonNode body, String uscc) {
        if (type != MessageType.SAFETY_RECORD) {
            return text(body, regionPointer(type));
        }
        String region = text(body, "/regionCode");
        return region != null ? region : CreditCodes.regionDigits(uscc);
    }

    private static String rawRegionPointer(MessageType type, JsonNode body) {
        if (type != MessageType.SAFETY_RECORD) {
            return regionPointer(type);
        }
        return text(body, "/regionCode") != null ? "/regionCode" : "/unitUscc";
    }

    private <T> T bind(JsonNode body, Class<T> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            // the schema admits only what the records can hold, so this is a gateway defect
            throw new IllegalStateException("schema-valid body does not bind to " + type.getSimpleName(), e);
        }
    }

    private static String usccPointer(MessageType type) {
        return switch (type) {
            case PERSONNEL_FILING -> "/unit/uscc";
            case SAFETY_RECORD -> "/unitUscc";
            case YEAR_END_REPORT, PERSONNEL_BATCH -> "/issuer/uscc";
        };
    }

    private static String regionPointer(MessageType type) {
        return type == MessageType.PERSONNEL_FILING ? "/unit/regionCode" : "/issuer/regionCode";
    }

    private static String text(JsonNode body, String pointer) {
        JsonNode node = body == null ? null : body.at(pointer);
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
