package cn.sedx.gateway.compliance;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.model.Figures;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.rectification.OrderQueries;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.validation.ComputedFigures;
import cn.sedx.gateway.validation.Dates;
import cn.sedx.gateway.validation.Periods;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The year-end figures (年度数据) computed from the store, for a year and a region prefix: what a year-end report's
 * {@code figures} would say if the gateway's filings were the whole truth. The counting rules (docs/campaign.md,
 * "Year-end figures that fill themselves"):
 *
 * <ul>
 *   <li>{@code unitsFiled}: units (credit code and unit kind) with a personnel filing of the region received before the
 *       end of the year (Beijing time);
 *   <li>{@code unitsFullyStaffed}: of those, units whose newest such filing names a principal, a director and, for
 *       every equipment category it declares, an officer whose scope names it;
 *   <li>{@code unitsWithMechanism}: of those, units with a daily check record, a weekly investigation report and
 *       monthly dispatch minutes, each for a period that starts in the year (any category);
 *   <li>{@code ordersIssued}: rectification orders issued (下达日期) in the year to units of the region;
 *   <li>{@code penalties}: orders of the region penalised with a decision dated in the year.
 * </ul>
 *
 * Reads the region's filings and records once, a page at a time. Thread-safe.
 */
@Service
public class YearEndFigures implements ComputedFigures {

    private static final int PAGE = 500;

    private final MessageScan scan;
    private final OrderQueries orders;
    private final ObjectMapper mapper;

    public YearEndFigures(MessageScan scan, OrderQueries orders, ObjectMapper mapper) {
        this.scan = scan;
        this.orders = orders;
        this.mapper = mapper;
    }

    /**
     * @param year   the year counted
     * @param region the region-code prefix of 2, 4 or 6 digits (checked by the caller)
     * @param from   the first day counted
     * @param until  the day after the last day counted
     */
    public record Computed(int year, String region, LocalDate from, LocalDate until, Figures figures) {}

    @Override
    public Optional<Figures> of(int year, String regionPrefix) {
        return Optional.of(compute(year, regionPrefix).figures());
    }

    /** The figures of {@code year} for units whose region starts with {@code region}. */
    public Computed compute(int year, String region) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = from.plusYears(1);
        Instant end = until.atStartOfDay(Dates.CHINA).toInstant();
        Map<String, Map<UnitKind, UnitYear>> units = new TreeMap<>();
        scan.forEach(MessageType.PERSONNEL_FILING, region, ScanKey.START, null, PAGE, message -> {
            JsonNode filing = read(message);
            UnitKind kind = kind(filing.path("unit").path("unitKind").asText(""));
            if (kind != null && message.unitUscc() != null && message.key().receivedAt().isBefore(end)) {
                units.computeIfAbsent(message.unitUscc(), u -> new TreeMap<>())
                        .computeIfAbsent(kind, k -> new UnitYear(message.key()))
                        .staffed = StaffingCheck.complete(filing);
            }
        });
        scan.forEach(MessageType.SAFETY_RECORD, region, ScanKey.START, null, PAGE, message -> {
            Map<UnitKind, UnitYear> ofUscc = units.get(message.unitUscc());
            if (ofUscc != null) {
                JsonNode record = read(message);
                UnitYear unit = unitOf(ofUscc, kind(record.path("unitKind").asText("")));
                Optional<Periods.Span> span = Periods.span(record.path("period").asText(""));
                if (unit != null && span.isPresent() && span.get().first().getYear() == year) {
                    unit.kinds.add(record.path("recordKind").asText(""));
                }
            }
        });
        int filed = 0;
        int staffed = 0;
        int mechanism = 0;
        for (Map<UnitKind, UnitYear> byKind : units.values()) {
            for (UnitYear unit : byKind.values()) {
                filed++;
                staffed += unit.staffed ? 1 : 0;
                mechanism += unit.kinds.containsAll(MECHANISM) ? 1 : 0;
            }
        }
        Figures figures = new Figures(filed, staffed, mechanism, orders.countIssued(region, from, until),
                orders.countPenalised(region, from, until));
        return new Computed(year, region, from, until, figures);
    }

    private static final Set<String> MECHANISM = Set.of("DAILY_CHECK", "WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH");

    /** One unit's year: whether its newest filing is fully staffed, and the record kinds it filed for the year. */
    private static final class UnitYear {
        private final ScanKey firstFiled;
        private final Set<String> kinds = new java.util.HashSet<>();
        private boolean staffed;

        UnitYear(ScanKey firstFiled) {
            this.firstFiled = firstFiled;
        }
    }

    /** A record naming no kind counts for the credit code's unit filed first, as the compliance view counts it. */
    private static UnitYear unitOf(Map<UnitKind, UnitYear> ofUscc, UnitKind named) {
        if (named != null) {
            return ofUscc.get(named);
        }
        return ofUscc.values().stream().min(Comparator.comparing(u -> u.firstFiled)).orElse(null);
    }

    private static UnitKind kind(String name) {
        return EnumSet.allOf(UnitKind.class).stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    private JsonNode read(Scanned message) {
        try {
            return mapper.readTree(message.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload of " + message.id() + " is not JSON", e);
        }
    }
}
