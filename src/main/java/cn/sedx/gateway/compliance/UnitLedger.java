package cn.sedx.gateway.compliance;

import cn.sedx.gateway.compliance.ComplianceRange.LateFiling;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.model.OperatingStatus;
import cn.sedx.gateway.model.RecordKind;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.validation.Dates;
import cn.sedx.gateway.validation.Periods;
import cn.sedx.gateway.validation.ValidationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit (credit code and unit kind) as the store has it: its newest personnel filing's name, region, categories
 * and staffing, and a {@link CategoryLedger} per declared equipment category. Not thread-safe.
 */
final class UnitLedger {

    private final String uscc;
    private final UnitKind kind;
    private final ScanKey firstFiled;
    private final ComplianceWindow window;
    private String name;
    private String regionCode;
    private StaffingCheck.Gaps staffing;
    private List<JsonNode> assessable = List.of();
    private final Map<String, CategoryLedger> categories = new LinkedHashMap<>();
    private final List<LateFiling> late = new ArrayList<>();

    UnitLedger(String uscc, UnitKind kind, ScanKey firstFiled, ComplianceWindow window) {
        this.uscc = uscc;
        this.kind = kind;
        this.firstFiled = firstFiled;
        this.window = window;
    }

    /** A personnel filing of the unit; filings come oldest first, so the newest decides. */
    void filing(JsonNode filing, String storedRegion) {
        JsonNode unit = filing.path("unit");
        name = unit.path("name").asText(null);
        regionCode = storedRegion != null ? storedRegion : unit.path("regionCode").asText(null);
        staffing = StaffingCheck.gaps(filing);
        assessable = new ArrayList<>();
        for (JsonNode person : filing.path("persons")) {
            String role = person.path("role").asText("");
            if (role.endsWith("_DIRECTOR") || role.endsWith("_OFFICER")) {
                assessable.add(person);
            }
        }
        Map<String, CategoryLedger> kept = new LinkedHashMap<>();
        for (JsonNode category : unit.path("equipmentCategories")) {
            String code = category.asText();
            kept.put(code, categories.getOrDefault(code, new CategoryLedger(window)));
        }
        categories.clear();
        categories.putAll(kept);
    }

    /**
     * A safety record of the unit: it covers its period in its category; 停产 reported in any category applies to
     * all of the unit's categories; a record filed later than allowed after a period ending in the window is listed.
     */
    void record(Scanned message, JsonNode record, ValidationSettings.LateFiling allowed) {
        RecordKind recordKind = enumOf(RecordKind.class, record.path("recordKind").asText(""));
        OperatingStatus status = enumOf(OperatingStatus.class, record.path("operatingStatus").asText(""));
        String category = record.path("equipmentCategory").asText("");
        String period = record.path("period").asText("");
        Optional<Periods.Span> span = Periods.span(period);
        if (recordKind == null || status == null || span.isEmpty()) {
            return;
        }
        CategoryLedger ledger = categories.get(category);
        if (ledger != null) {
            ledger.record(recordKind, span.get(), status);
        }
        if (status == OperatingStatus.PRODUCTION_SUSPENDED) {
            categories.values().stream().filter(other -> other != ledger)
                    .forEach(other -> other.status(span.get().first(), status));
        }
        LocalDate filedOn = LocalDate.ofInstant(message.key().receivedAt(), Dates.CHINA);
        long daysLate = Periods.daysLate(recordKind, span.get().last(), filedOn, allowed);
        if (daysLate > 0 && window.dayIndex(span.get().last()) >= 0) {
            late.add(new LateFiling(message.id(), recordKind, category, period, daysLate, filedOn));
        }
    }

    String uscc() {
        return uscc;
    }

    UnitKind kind() {
        return kind;
    }

    ScanKey firstFiled() {
        return firstFiled;
    }

    String name() {
        return name;
    }

    String regionCode() {
        return regionCode;
    }

    StaffingCheck.Gaps staffing() {
        return staffing;
    }

    /** The directors and officers of the newest filing (the persons trained and assessed), as filed. */
    List<JsonNode> assessable() {
        return assessable;
    }

    /** The ledgers of the unit's declared categories, in the order its newest filing lists them. */
    Map<String, CategoryLedger> categories() {
        return categories;
    }

    List<LateFiling> lateFilings() {
        return late;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
