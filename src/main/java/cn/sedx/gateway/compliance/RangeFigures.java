package cn.sedx.gateway.compliance;

import cn.sedx.gateway.compliance.ComplianceRange.CategoryRange;
import cn.sedx.gateway.compliance.ComplianceRange.LateFiling;
import cn.sedx.gateway.compliance.ComplianceRange.RegionRange;
import cn.sedx.gateway.compliance.ComplianceRange.StaffingGap;
import cn.sedx.gateway.compliance.ComplianceRange.Totals;
import cn.sedx.gateway.compliance.ComplianceRange.UnitRange;
import cn.sedx.gateway.validation.EquipmentCatalogue;
import cn.sedx.gateway.validation.Periods;
import cn.sedx.gateway.validation.RegionTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of a date range from the unit ledgers. A period is due when it ends inside the range, on or after the
 * day the Orders took effect, and the category is not exempt (停产 or 停用 in effect) on its last day.
 */
final class RangeFigures {

    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate dueFrom;
    private final EquipmentCatalogue catalogue = EquipmentCatalogue.standard();
    private final RegionTable regions = RegionTable.standard();

    /**
     * @param ordersEffective the day the Orders took effect; nothing is due before it
     * @param from            the first day of the range
     * @param to              the last day, not before {@code from}
     */
    RangeFigures(LocalDate ordersEffective, LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.dueFrom = from.isBefore(ordersEffective) ? ordersEffective : from;
    }

    ComplianceRange of(Map<String, List<UnitLedger>> byRegion) {
        List<RegionRange> ranges = new ArrayList<>();
        byRegion.forEach((code, units) -> ranges.add(region(code, units)));
        return new ComplianceRange(from, to, sum(ranges.stream().map(RegionRange::total).toList()), ranges);
    }

    private RegionRange region(String code, List<UnitLedger> units) {
        List<UnitRange> listed = new ArrayList<>();
        List<StaffingGap> gaps = new ArrayList<>();
        long days = 0;
        long weeks = 0;
        long months = 0;
        int late = 0;
        for (UnitLedger unit : units) {
            List<CategoryRange> categories = new ArrayList<>();
            List<LateFiling> lateInRange = unit.lateFilings().stream().filter(this::inRange).toList();
            boolean worthListing = !lateInRange.isEmpty();
            for (Map.Entry<String, CategoryLedger> entry : unit.categories().entrySet()) {
                CategoryRange category = category(entry.getKey(), entry.getValue());
                categories.add(category);
                days += category.daysMissed();
                weeks += category.weeksMissed();
                months += category.monthsMissed();
                worthListing |= category.daysMissed() + category.weeksMissed() + category.monthsMissed()
                        + category.daysExempt() > 0;
            }
            late += lateInRange.size();
            if (worthListing) {
                listed.add(new UnitRange(unit.uscc(), unit.kind(), unit.name(), categories, lateInRange));
            }
            StaffingCheck.Gaps staffing = unit.staffing();
            if (staffing != null && !staffing.none()) {
                gaps.add(new StaffingGap(unit.uscc(), unit.kind(), unit.name(), staffing.principalMissing(),
                        staffing.directorMissing(), staffing.categoriesWithoutOfficer()));
            }
        }
        int noDirector = (int) gaps.stream().filter(StaffingGap::directorMissing).count();
        int noOfficers = (int) gaps.stream().filter(gap -> !gap.categoriesWithoutOfficer().isEmpty()).count();
        Totals total = new Totals(units.size(), days, weeks, months, late, noDirector, noOfficers);
        return new RegionRange(code, regions.fullName(code), total, listed, gaps);
    }

    /** Whether a late filing's period ends inside the range. */
    private boolean inRange(LateFiling filing) {
        return Periods.span(filing.period()).map(Periods.Span::last)
                .filter(last -> !last.isBefore(from) && !last.isAfter(to))
                .isPresent();
    }

    private CategoryRange category(String code, CategoryLedger ledger) {
        long daysDue = 0;
        long daysMissed = 0;
        long daysExempt = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (ledger.exemptOn(day)) {
                daysExempt++;
            } else if (!day.isBefore(dueFrom)) {
                daysDue++;
                daysMissed += ledger.hasDay(day) ? 0 : 1;
            }
        }
        long weeksDue = 0;
        long weeksMissed = 0;
        for (LocalDate sunday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)); !sunday.isAfter(to);
                sunday = sunday.plusWeeks(1)) {
            if (!sunday.isBefore(dueFrom) && !ledger.exemptOn(sunday)) {
                weeksDue++;
                weeksMissed += ledger.hasWeek(sunday.minusDays(6)) ? 0 : 1;
            }
        }
        long monthsDue = 0;
        long monthsMissed = 0;
        for (YearMonth month = YearMonth.from(from); !month.atEndOfMonth().isAfter(to); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            if (!end.isBefore(from) && !end.isBefore(dueFrom) && !ledger.exemptOn(end)) {
                monthsDue++;
                monthsMissed += ledger.hasMonth(month) ? 0 : 1;
            }
        }
        return new CategoryRange(code, catalogue.name(code).orElse(""), daysDue, daysMissed, weeksDue, weeksMissed,
                monthsDue, monthsMissed, daysExempt, ledger.exemptSince(to));
    }

    private static Totals sum(List<Totals> totals) {
        return new Totals(totals.stream().mapToInt(Totals::units).sum(),
                totals.stream().mapToLong(Totals::daysMissed).sum(),
                totals.stream().mapToLong(Totals::weeksMissed).sum(),
                totals.stream().mapToLong(Totals::monthsMissed).sum(),
                totals.stream().mapToInt(Totals::lateFilings).sum(),
                totals.stream().mapToInt(Totals::unitsWithoutDirector).sum(),
                totals.stream().mapToInt(Totals::unitsWithoutOfficers).sum());
    }
}
