package cn.sedx.gateway.compliance;

import cn.sedx.gateway.compliance.ComplianceReport.ExemptUnit;
import cn.sedx.gateway.compliance.ComplianceReport.Figures;
import cn.sedx.gateway.compliance.ComplianceReport.MissingUnit;
import cn.sedx.gateway.compliance.ComplianceReport.UnassessedPerson;
import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.rectification.OrderQueries;
import cn.sedx.gateway.rectification.OrderQueries.OpenOrders;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.validation.Periods;
import cn.sedx.gateway.validation.RegionTable;
import cn.sedx.gateway.validation.ValidationSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Answers the campaign compliance view from the filings in the store: per region, the units that filed personnel,
 * the units whose newest filing is fully staffed, and the units with daily, weekly and monthly records for the last
 * complete periods, per equipment category, exempt categories (停产, 停用) not counted as missing; over a date range on
 * request (days missed per unit and category, late filings, staffing gaps with names); and of the campaign's other
 * records, directors and officers without a passed assessment, open and overdue rectification orders and agencies'
 * reports received per region. A unit is a credit code and a
 * unit kind; its region is that of its newest personnel filing. Reads every filing of the region once, a page at a
 * time. The public entry points are what the console and the REST controller call.
 */
@Service
public class ComplianceView {

    /** The longest date range one question may cover (a year and a day). */
    public static final int MAX_RANGE_DAYS = 366;

    private final MessageScan scan;
    private final ObjectMapper mapper;
    private final ValidationSettings settings;
    private final OrderQueries orders;
    private final MessageStore store;
    private final RegionTable regions = RegionTable.standard();

    /** A view that counts no rectification orders and no agencies' reports (the form before issue 16). */
    public ComplianceView(MessageScan scan, ObjectMapper mapper, ValidationSettings settings) {
        this(scan, mapper, settings, null, null);
    }

    /**
     * @param orders the tracked rectification orders (open and overdue ones are counted per region); null: none
     * @param store  the message store (agencies' reports are counted per region); null: none
     */
    @Autowired
    public ComplianceView(MessageScan scan, ObjectMapper mapper, ValidationSettings settings, OrderQueries orders,
            MessageStore store) {
        this.scan = scan;
        this.mapper = mapper;
        this.settings = settings;
        this.orders = orders;
        this.store = store;
    }

    /**
     * @param region a region-code prefix of 2, 4 or 6 digits (checked by the caller)
     * @param asOf   the day whose previous day, week and month are checked
     */
    public ComplianceReport report(String region, LocalDate asOf) {
        return report(region, asOf, null, null);
    }

    /**
     * As {@link #report(String, LocalDate)}, with the figures over {@code from}…{@code to} when both are given.
     *
     * @param from the first day of the range, or null for none
     * @param to   the last day of the range, or null; a range is cut at the day before {@code asOf} (the last
     *             complete day)
     * @throws IllegalArgumentException when only one of the two is given, {@code to} is before {@code from}, or the
     *     range is longer than {@link #MAX_RANGE_DAYS}
     */
    public ComplianceReport report(String region, LocalDate asOf, LocalDate from, LocalDate to) {
        Objects.requireNonNull(asOf, "asOf");
        CompliancePeriods periods = CompliancePeriods.asOf(asOf);
        LocalDate yesterday = asOf.minusDays(1);
        LocalDate first = Periods.firstDay(periods.monthly(), Periods.Shape.MONTH).orElseThrow();
        LocalDate weekStart = Periods.firstDay(periods.weekly(), Periods.Shape.WEEK).orElseThrow();
        first = weekStart.isBefore(first) ? weekStart : first;
        LocalDate last = yesterday;
        LocalDate rangeEnd = null;
        if (from != null || to != null) {
            checkRange(from, to);
            rangeEnd = to.isAfter(yesterday) ? yesterday : to;
            first = from.isBefore(first) ? from : first;
        }
        ComplianceWindow window = new ComplianceWindow(first, last);
        List<UnitLedger> units = new ComplianceLedgers(scan, mapper, settings.lateFiling()).read(region, window);
        Map<String, List<UnitLedger>> byRegion = ComplianceLedgers.byRegion(units);
        CampaignCounts counts = new CampaignCounts(CampaignCounts.passed(scan, mapper, region),
                orders == null ? Map.of() : orders.openByRegion(region),
                store == null ? Map.of() : store.countByRegion(MessageType.AGENCY_REPORT, region));
        List<Figures> figures = new ArrayList<>();
        byRegion.forEach((code, members) -> figures.add(withCampaign(figures(code, members, periods, true), members,
                counts, counts.ordersOf(code), counts.agencyReportsOf(code), true)));
        ComplianceRange range = rangeEnd == null || rangeEnd.isBefore(from)
                ? null
                : new RangeFigures(settings.ordersEffectiveDate(), from, rangeEnd).of(byRegion);
        Figures total = withCampaign(figures(region, units, periods, false), units, counts, counts.ordersTotal(),
                counts.agencyReportsTotal(), false);
        return new ComplianceReport(region, asOf, periods, total, figures, range);
    }

    /** Adds the campaign's other records (issue 16): assessments, rectification orders, agencies' reports. */
    private static Figures withCampaign(Figures f, List<UnitLedger> units, CampaignCounts counts, OpenOrders open,
            long agencyReports, boolean list) {
        List<UnassessedPerson> unassessed = counts.unassessed(units);
        return new Figures(f.regionCode(), f.unitsFiled(), f.unitsFullyStaffed(), f.unitsWithDaily(),
                f.unitsWithWeekly(), f.unitsWithMonthly(), f.unitsWithMechanism(), f.unitsMissing(), f.regionName(),
                f.unitsExempt(), f.exemptions(), unassessed.size(), list ? unassessed : null, open.open(),
                open.overdue(), agencyReports);
    }

    /** Whether {@code from}…{@code to} is a range this view answers: both given, forwards, at most a year and a day. */
    public static boolean validRange(LocalDate from, LocalDate to) {
        return from != null && to != null && !to.isBefore(from) && !to.isAfter(from.plusDays(MAX_RANGE_DAYS - 1));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (!validRange(from, to)) {
            throw new IllegalArgumentException("from and to go together, forwards, at most " + MAX_RANGE_DAYS
                    + " days");
        }
    }

    private Figures figures(String code, List<UnitLedger> units, CompliancePeriods periods, boolean listMissing) {
        LocalDate day = LocalDate.parse(periods.daily());
        Tally tally = new Tally();
        List<MissingUnit> missing = new ArrayList<>();
        List<ExemptUnit> exemptions = new ArrayList<>();
        for (UnitLedger unit : units) {
            Map<String, List<String>> byCategory = lacks(unit, periods);
            List<String> gaps = gaps(unit, byCategory);
            boolean exempt = !unit.categories().isEmpty()
                    && unit.categories().values().stream().allMatch(ledger -> ledger.exemptOn(day));
            tally.add(gaps, byCategory.isEmpty(), exempt);
            if (listMissing && !gaps.isEmpty()) {
                missing.add(new MissingUnit(unit.uscc(), gaps, unit.kind(), unit.name(), byCategory));
            }
            Map<String, LocalDate> exemptFrom = new LinkedHashMap<>();
            unit.categories().forEach((category, ledger) -> {
                if (ledger.exemptOn(day)) {
                    exemptFrom.put(category, ledger.exemptSince(day));
                }
            });
            if (listMissing && !exemptFrom.isEmpty()) {
                exemptions.add(new ExemptUnit(unit.uscc(), unit.kind(), unit.name(), exemptFrom));
            }
        }
        return new Figures(code, units.size(), tally.staffed, tally.daily, tally.weekly, tally.monthly,
                tally.mechanism, listMissing ? missing : null, regions.fullName(code), tally.exempt,
                listMissing ? exemptions : null);
    }

    /** Units counted by what they have. */
    private static final class Tally {
        private int staffed;
        private int daily;
        private int weekly;
        private int monthly;
        private int mechanism;
        private int exempt;

        void add(List<String> gaps, boolean everyRecord, boolean allExempt) {
            staffed += gaps.contains("STAFFING") ? 0 : 1;
            daily += gaps.contains("DAILY_CHECK") ? 0 : 1;
            weekly += gaps.contains("WEEKLY_INVESTIGATION") ? 0 : 1;
            monthly += gaps.contains("MONTHLY_DISPATCH") ? 0 : 1;
            mechanism += everyRecord ? 1 : 0;
            exempt += allExempt ? 1 : 0;
        }
    }

    /**
     * Per equipment category of the unit, the records it lacks for the last complete day, week and month; a
     * category exempt (停产 or 停用 in effect) at the end of a period lacks nothing for it.
     */
    private static Map<String, List<String>> lacks(UnitLedger unit, CompliancePeriods periods) {
        LocalDate day = LocalDate.parse(periods.daily());
        LocalDate monday = Periods.firstDay(periods.weekly(), Periods.Shape.WEEK).orElseThrow();
        YearMonth month = YearMonth.parse(periods.monthly());
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        unit.categories().forEach((category, ledger) -> {
            List<String> lacks = new ArrayList<>();
            if (!ledger.exemptOn(day) && !ledger.hasDay(day)) {
                lacks.add("DAILY_CHECK");
            }
            if (!ledger.exemptOn(monday.plusDays(6)) && !ledger.hasWeek(monday)) {
                lacks.add("WEEKLY_INVESTIGATION");
            }
            if (!ledger.exemptOn(month.atEndOfMonth()) && !ledger.hasMonth(month)) {
                lacks.add("MONTHLY_DISPATCH");
            }
            if (!lacks.isEmpty()) {
                byCategory.put(category, lacks);
            }
        });
        return byCategory;
    }

    /** STAFFING first, then the record kinds any category lacks, in mechanism order. */
    private static List<String> gaps(UnitLedger unit, Map<String, List<String>> byCategory) {
        List<String> gaps = new ArrayList<>();
        if (unit.staffing() == null || !unit.staffing().none()) {
            gaps.add("STAFFING");
        }
        for (String kind : List.of("DAILY_CHECK", "WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH")) {
            if (byCategory.values().stream().anyMatch(lacks -> lacks.contains(kind))) {
                gaps.add(kind);
            }
        }
        return gaps;
    }
}
