package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.AgencyReport;
import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.RectificationOrder;
import cn.sedx.gateway.model.RectificationOrderChange;
import cn.sedx.gateway.model.SafetyRecord;
import cn.sedx.gateway.model.TrainingRecord;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.model.YearEndReport;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.validation.OrdersOnFile.OrderOnFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Validates a filing of any type: text that XML cannot carry first ({@code XML_UNSAFE_TEXT}, reported alone, the
 * same for every channel), then its JSON Schema, then, on a schema-valid body only, its identifiers and business
 * rules (docs/validation.md lists them). A change of a rectification order takes its unit and region from the order
 * on file; a year-end report's figures are compared with the ones computed from the store (warnings). Every
 * violation is collected, not only the first. A year-end
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
    private final TrainingRecordRules trainingRules;
    private final RectificationOrderRules orderRules;
    private final OrderChangeRules changeRules;
    private final AgencyReportRules agencyRules;

    /**
     * A validator with no rectification orders on file and no computed figures to compare reports with.
     *
     * @param settings  the configured limits and prohibitions
     * @param directory the personnel filings on file, read for safety records
     * @param clock     the clock "today" is taken from (in Beijing time); tests pass a fixed one
     */
    public FilingValidator(ValidationSettings settings, PersonnelDirectory directory, Clock clock) {
        this(settings, directory, OrdersOnFile.NONE, ComputedFigures.NONE, clock);
    }

    /**
     * @param settings  the configured limits and prohibitions
     * @param directory the personnel filings on file, read for the records about a unit
     * @param orders    the rectification orders on file, read for their changes
     * @param figures   the year-end figures computed from the store, compared with a report's own
     * @param clock     the clock "today" is taken from (in Beijing time); tests pass a fixed one
     */
    @Autowired
    public FilingValidator(ValidationSettings settings, PersonnelDirectory directory, OrdersOnFile orders,
            ComputedFigures figures, Clock clock) {
        IdentifierChecks identifiers = new IdentifierChecks(Objects.requireNonNull(clock, "clock"),
                settings.acceptBingtuanRegion());
        Objects.requireNonNull(directory, "directory");
        this.personnelRules = new PersonnelFilingRules(settings, identifiers);
        this.safetyRules = new SafetyRecordRules(directory, identifiers, settings);
        this.reportRules = new YearEndReportRules(settings, identifiers, Objects.requireNonNull(figures, "figures"));
        RecordUnits units = new RecordUnits(directory, identifiers);
        AttachmentRules attachments = new AttachmentRules(settings);
        this.trainingRules = new TrainingRecordRules(units, identifiers);
        this.orderRules = new RectificationOrderRules(units, identifiers);
        this.changeRules = new OrderChangeRules(Objects.requireNonNull(orders, "orders"), identifiers, attachments);
        this.agencyRules = new AgencyReportRules(units, identifiers, attachments);
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
        return switch (type) {
            case PERSONNEL_FILING -> {
                PersonnelFiling filing = bind(body, PersonnelFiling.class);
                personnelRules.check(filing, violations);
                yield outcome(violations, filing, uscc, filing.unit().regionCode(), filing.unit().unitKind(),
                        "/unit/regionCode");
            }
            case SAFETY_RECORD -> {
                SafetyRecord record = bind(body, SafetyRecord.class);
                yield outcome(violations, record, uscc, safetyRules.check(record, violations));
            }
            case TRAINING_RECORD -> {
                TrainingRecord record = bind(body, TrainingRecord.class);
                yield outcome(violations, record, uscc, trainingRules.check(record, violations));
            }
            case RECTIFICATION_ORDER -> {
                RectificationOrder order = bind(body, RectificationOrder.class);
                yield outcome(violations, order, uscc, orderRules.check(order, violations));
            }
            case AGENCY_REPORT -> {
                AgencyReport report = bind(body, AgencyReport.class);
                yield outcome(violations, report, uscc, agencyRules.check(report, violations));
            }
            case RECTIFICATION_ORDER_CHANGE -> {
                RectificationOrderChange change = bind(body, RectificationOrderChange.class);
                Optional<OrderOnFile> order = changeRules.check(change, violations);
                yield outcome(violations, change, order.map(OrderOnFile::unitUscc).orElse(null),
                        order.map(OrderOnFile::regionCode).orElse(null), order.map(OrderOnFile::unitKind).orElse(null),
                        "/orderNumber");
            }
            case YEAR_END_REPORT, PERSONNEL_BATCH -> {
                YearEndReport report = bind(body, YearEndReport.class);
                reportRules.check(report, violations);
                yield outcome(violations, report, uscc, report.issuer().regionCode(), null, "/issuer/regionCode");
            }
        };
    }

    private static ValidationOutcome outcome(Violations violations, Object filing, String uscc, ResolvedUnit unit) {
        return outcome(violations, filing, uscc, unit.regionCode(), unit.kind(), unit.regionPointer());
    }

    private static ValidationOutcome outcome(Violations violations, Object filing, String uscc, String region,
            UnitKind kind, String regionPointer) {
        return new ValidationOutcome(violations.errors(), violations.warnings(), filing, uscc, region, kind,
                regionPointer);
    }

    /**
     * The region of a body that failed its schema, for the jurisdiction check: as written; for a safety record its
     * {@code regionCode}, else its credit code's characters 3–8 (no lookup of a body that may be anything).
     */
    private static String rawRegion(MessageType type, JsonNode body, String uscc) {
        if (!namesUnitAtTop(type)) {
            return text(body, regionPointer(type));
        }
        String region = text(body, "/regionCode");
        return region != null ? region : CreditCodes.regionDigits(uscc);
    }

    private static String rawRegionPointer(MessageType type, JsonNode body) {
        if (!namesUnitAtTop(type)) {
            return regionPointer(type);
        }
        return text(body, "/regionCode") != null ? "/regionCode" : "/unitUscc";
    }

    /** Records that name their unit with top-level unitUscc, unitKind and regionCode. */
    private static boolean namesUnitAtTop(MessageType type) {
        return switch (type) {
            case SAFETY_RECORD, TRAINING_RECORD, RECTIFICATION_ORDER, AGENCY_REPORT -> true;
            case PERSONNEL_FILING, YEAR_END_REPORT, PERSONNEL_BATCH, RECTIFICATION_ORDER_CHANGE -> false;
        };
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
            case SAFETY_RECORD, TRAINING_RECORD, RECTIFICATION_ORDER, AGENCY_REPORT -> "/unitUscc";
            case YEAR_END_REPORT, PERSONNEL_BATCH -> "/issuer/uscc";
            // a change names its order; the unit is the order's
            case RECTIFICATION_ORDER_CHANGE -> "/unitUscc";
        };
    }

    /** Where a body that names its unit otherwise keeps the region (a change has none of its own). */
    private static String regionPointer(MessageType type) {
        return switch (type) {
            case PERSONNEL_FILING -> "/unit/regionCode";
            case RECTIFICATION_ORDER_CHANGE -> "/regionCode";
            default -> "/issuer/regionCode";
        };
    }

    private static String text(JsonNode body, String pointer) {
        JsonNode node = body == null ? null : body.at(pointer);
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
