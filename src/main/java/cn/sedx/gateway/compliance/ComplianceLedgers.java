package cn.sedx.gateway.compliance;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.validation.ValidationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a region's personnel filings and then its safety records from the store, a page at a time, into one
 * {@link UnitLedger} per unit (credit code and unit kind). A record that names its unit kind goes to that unit; one
 * that names none goes to the credit code's only unit, or, when the credit code has units of several kinds, to the
 * one filed first (the intake resolved it so when the record came: later ones must name their kind).
 */
final class ComplianceLedgers {

    private static final int PAGE = 500;

    private final MessageScan scan;
    private final ObjectMapper mapper;
    private final ValidationSettings.LateFiling allowed;

    ComplianceLedgers(MessageScan scan, ObjectMapper mapper, ValidationSettings.LateFiling allowed) {
        this.scan = scan;
        this.mapper = mapper;
        this.allowed = allowed;
    }

    /** The units of the region prefix, by credit code then unit kind, with what they have on file in the window. */
    List<UnitLedger> read(String region, ComplianceWindow window) {
        Map<String, Map<UnitKind, UnitLedger>> units = new TreeMap<>();
        scan.forEach(MessageType.PERSONNEL_FILING, region, ScanKey.START, null, PAGE, message -> {
            JsonNode filing = read(message);
            UnitKind kind = unitKind(filing.path("unit").path("unitKind").asText(""));
            if (kind != null && message.unitUscc() != null) {
                units.computeIfAbsent(message.unitUscc(), uscc -> new TreeMap<>())
                        .computeIfAbsent(kind, k -> new UnitLedger(message.unitUscc(), k, message.key(), window))
                        .filing(filing, message.regionCode());
            }
        });
        scan.forEach(MessageType.SAFETY_RECORD, region, ScanKey.START, null, PAGE, message -> {
            Map<UnitKind, UnitLedger> ofUscc = units.get(message.unitUscc());
            if (ofUscc != null) {
                JsonNode record = read(message);
                UnitLedger unit = unitOf(ofUscc, unitKind(record.path("unitKind").asText("")));
                if (unit != null) {
                    unit.record(message, record, allowed);
                }
            }
        });
        List<UnitLedger> all = new ArrayList<>();
        units.values().forEach(byKind -> all.addAll(byKind.values()));
        return all;
    }

    private static UnitLedger unitOf(Map<UnitKind, UnitLedger> ofUscc, UnitKind named) {
        if (named != null) {
            return ofUscc.get(named);
        }
        return ofUscc.values().stream().min(Comparator.comparing(UnitLedger::firstFiled)).orElse(null);
    }

    private static UnitKind unitKind(String name) {
        for (UnitKind kind : UnitKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private JsonNode read(Scanned message) {
        try {
            return mapper.readTree(message.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload of " + message.id() + " is not JSON", e);
        }
    }

    /** The units grouped by their region code, in code order. */
    static Map<String, List<UnitLedger>> byRegion(List<UnitLedger> units) {
        Map<String, List<UnitLedger>> regions = new TreeMap<>();
        units.forEach(unit -> regions.computeIfAbsent(String.valueOf(unit.regionCode()), r -> new ArrayList<>())
                .add(unit));
        return regions;
    }

}
