package cn.sedx.gateway.compliance;

import cn.sedx.gateway.compliance.ComplianceReport.Figures;
import cn.sedx.gateway.compliance.ComplianceReport.MissingUnit;
import cn.sedx.gateway.compliance.UnitStanding.Gap;
import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Answers the campaign compliance view from the filings in the store: per region, the units that filed
 * personnel, the units whose newest filing is fully staffed, and the units with daily, weekly and monthly
 * records for the last complete periods. A unit is one USCC; its region is that of its newest personnel filing.
 * Reads every filing of the region once, a page at a time.
 */
@Service
public class ComplianceView {

    private static final int PAGE = 500;

    private final MessageScan scan;
    private final ObjectMapper mapper;

    public ComplianceView(MessageScan scan, ObjectMapper mapper) {
        this.scan = scan;
        this.mapper = mapper;
    }

    /**
     * @param region a region-code prefix of 2, 4 or 6 digits (checked by the caller)
     * @param asOf   the day whose previous day, week and month are checked
     */
    public ComplianceReport report(String region, LocalDate asOf) {
        CompliancePeriods periods = CompliancePeriods.asOf(asOf);
        Map<String, UnitStanding> units = new TreeMap<>();
        scan.forEach(MessageType.PERSONNEL_FILING, region, ScanKey.START, null, PAGE, message -> {
            JsonNode filing = read(message);
            UnitStanding unit = new UnitStanding(message.unitUscc(), message.regionCode());
            unit.staffing(StaffingCheck.complete(filing));
            units.put(message.unitUscc(), unit);
        });
        scan.forEach(MessageType.SAFETY_RECORD, region, ScanKey.START, null, PAGE, message -> {
            UnitStanding unit = units.get(message.unitUscc());
            if (unit != null) {
                Gap kind = recordFor(read(message), periods);
                if (kind != null) {
                    unit.recorded(kind);
                }
            }
        });
        Map<String, List<UnitStanding>> byRegion = units.values().stream()
                .collect(Collectors.groupingBy(UnitStanding::regionCode, TreeMap::new, Collectors.toList()));
        List<Figures> regions = new ArrayList<>();
        byRegion.forEach((code, members) -> regions.add(figures(code, members, true)));
        return new ComplianceReport(region, asOf, periods, figures(region, units.values(), false), regions);
    }

    /** The mechanism record a safety record stands for, if it is for the period being checked. */
    static Gap recordFor(JsonNode record, CompliancePeriods periods) {
        String period = record.path("period").asText("");
        return switch (record.path("recordKind").asText("")) {
            case "DAILY_CHECK" -> period.equals(periods.daily()) ? Gap.DAILY_CHECK : null;
            case "WEEKLY_INVESTIGATION" -> period.equals(periods.weekly()) ? Gap.WEEKLY_INVESTIGATION : null;
            case "MONTHLY_DISPATCH" -> period.equals(periods.monthly()) ? Gap.MONTHLY_DISPATCH : null;
            default -> null;
        };
    }

    private static Figures figures(String code, Collection<UnitStanding> units, boolean listMissing) {
        Set<UnitStanding> mechanism = new HashSet<>();
        List<MissingUnit> missing = new ArrayList<>();
        for (UnitStanding unit : units) {
            Set<Gap> gaps = unit.gaps();
            if (!gaps.contains(Gap.DAILY_CHECK) && !gaps.contains(Gap.WEEKLY_INVESTIGATION)
                    && !gaps.contains(Gap.MONTHLY_DISPATCH)) {
                mechanism.add(unit);
            }
            if (listMissing && !gaps.isEmpty()) {
                missing.add(new MissingUnit(unit.uscc(), gaps.stream().map(Gap::name).toList()));
            }
        }
        return new Figures(code, units.size(), count(units, Gap.STAFFING), count(units, Gap.DAILY_CHECK),
                count(units, Gap.WEEKLY_INVESTIGATION), count(units, Gap.MONTHLY_DISPATCH), mechanism.size(),
                listMissing ? missing : null);
    }

    private static int count(Collection<UnitStanding> units, Gap kind) {
        return (int) units.stream().filter(u -> u.has(kind)).count();
    }

    private JsonNode read(Scanned message) {
        try {
            return mapper.readTree(message.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload of " + message.id() + " is not JSON", e);
        }
    }
}
