package cn.sedx.gateway.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * The campaign figures of a region as the store has them ({@code GET /api/v1/compliance}).
 *
 * @param region  the region asked for (2, 4 or 6 digits)
 * @param asOf    the day the periods are counted back from
 * @param periods the periods whose records were looked for
 * @param total   the figures of the whole region
 * @param regions the figures of each 6-digit region code within it, in code order
 */
public record ComplianceReport(String region, LocalDate asOf, CompliancePeriods periods, Figures total,
        List<Figures> regions) {

    /**
     * The figures of one region.
     *
     * @param regionCode          the region (6 digits, or the asked prefix for the total)
     * @param unitsFiled          units with a personnel filing
     * @param unitsFullyStaffed   units whose newest filing names a principal, a director and officers for every
     *                            equipment category
     * @param unitsWithDaily      units with a daily check record for the daily period
     * @param unitsWithWeekly     units with a weekly investigation report for the weekly period
     * @param unitsWithMonthly    units with monthly dispatch minutes for the monthly period
     * @param unitsWithMechanism  units with all three
     * @param unitsMissing        units missing anything, with what they miss (only in the per-region figures)
     */
    public record Figures(String regionCode, int unitsFiled, int unitsFullyStaffed, int unitsWithDaily,
            int unitsWithWeekly, int unitsWithMonthly, int unitsWithMechanism, List<MissingUnit> unitsMissing) {}

    /**
     * A unit that lacks something.
     *
     * @param uscc    the unit's 统一社会信用代码
     * @param missing what it lacks: STAFFING, DAILY_CHECK, WEEKLY_INVESTIGATION, MONTHLY_DISPATCH
     */
    public record MissingUnit(String uscc, List<String> missing) {}
}
