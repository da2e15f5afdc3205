package cn.sedx.gateway.compliance;

import cn.sedx.gateway.model.UnitKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The campaign figures of a region as the store has them ({@code GET /api/v1/compliance}).
 *
 * @param region  the region asked for (2, 4 or 6 digits)
 * @param asOf    the day the periods are counted back from
 * @param periods the periods whose records were looked for
 * @param total   the figures of the whole region
 * @param regions the figures of each 6-digit region code within it, in code order
 * @param range   the figures over {@code from}…{@code to} when those were asked for; null otherwise
 */
public record ComplianceReport(String region, LocalDate asOf, CompliancePeriods periods, Figures total,
        List<Figures> regions, ComplianceRange range) {

    /** A report without a date range. */
    public ComplianceReport(String region, LocalDate asOf, CompliancePeriods periods, Figures total,
            List<Figures> regions) {
        this(region, asOf, periods, total, regions, null);
    }

    /**
     * The figures of one region. A unit is a credit code and a unit kind. A record of a period covers only its own
     * equipment category: a unit has its daily (weekly, monthly) record when each of its categories has one or is
     * exempt (停产 or 停用 in effect at the end of the period).
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
     * @param regionName          the GB/T 2260 names of the region (province, city, county); empty when unlisted
     * @param unitsExempt         units all of whose categories were exempt on the daily period's day
     * @param exemptions          units with a category exempt on that day, with the day each exemption took effect
     *                            (only in the per-region figures)
     * @param personsUnassessed   directors and officers of the units' newest filings without a passed assessment
     *                            (no TRAINING_RECORD of theirs for the unit says PASSED)
     * @param unassessed          who they are, numbers masked (only in the per-region figures)
     * @param ordersOpen          rectification orders ISSUED and within their deadline, for units of the region
     * @param ordersOverdue       rectification orders OVERDUE (deadline passed, not rectified, not yet penalised)
     * @param agencyReports       agencies' reports received about units of the region
     */
    public record Figures(String regionCode, int unitsFiled, int unitsFullyStaffed, int unitsWithDaily,
            int unitsWithWeekly, int unitsWithMonthly, int unitsWithMechanism, List<MissingUnit> unitsMissing,
            String regionName, int unitsExempt, List<ExemptUnit> exemptions, int personsUnassessed,
            List<UnassessedPerson> unassessed, int ordersOpen, int ordersOverdue, long agencyReports) {

        /** Figures without the campaign's other records (the form before issue 16). */
        public Figures(String regionCode, int unitsFiled, int unitsFullyStaffed, int unitsWithDaily,
                int unitsWithWeekly, int unitsWithMonthly, int unitsWithMechanism, List<MissingUnit> unitsMissing,
                String regionName, int unitsExempt, List<ExemptUnit> exemptions) {
            this(regionCode, unitsFiled, unitsFullyStaffed, unitsWithDaily, unitsWithWeekly, unitsWithMonthly,
                    unitsWithMechanism, unitsMissing, regionName, unitsExempt, exemptions, 0, null, 0, 0, 0);
        }

        /** Figures without a region name or exempt count. */
        public Figures(String regionCode, int unitsFiled, int unitsFullyStaffed, int unitsWithDaily,
                int unitsWithWeekly, int unitsWithMonthly, int unitsWithMechanism, List<MissingUnit> unitsMissing) {
            this(regionCode, unitsFiled, unitsFullyStaffed, unitsWithDaily, unitsWithWeekly, unitsWithMonthly,
                    unitsWithMechanism, unitsMissing, "", 0, null);
        }
    }

    /**
     * A unit that lacks something.
     *
     * @param uscc               the unit's 统一社会信用代码
     * @param missing            what it lacks: STAFFING, DAILY_CHECK, WEEKLY_INVESTIGATION, MONTHLY_DISPATCH
     * @param unitKind           the unit's kind
     * @param name               the unit's name from its newest filing
     * @param missingByCategory  per equipment category, the records it lacks
     */
    public record MissingUnit(String uscc, List<String> missing, UnitKind unitKind, String name,
            Map<String, List<String>> missingByCategory) {

        /** A missing unit without kind, name or categories. */
        public MissingUnit(String uscc, List<String> missing) {
            this(uscc, missing, null, null, Map.of());
        }
    }

    /**
     * A director or officer without a passed assessment (培训考核).
     *
     * @param uscc     the unit's 统一社会信用代码
     * @param unitKind the unit's kind
     * @param unitName the unit's name from its newest filing
     * @param role     the person's role there
     * @param name     the person's name
     * @param idType   the person's document type
     * @param idNumber the document number, masked ({@code IdType.mask})
     */
    public record UnassessedPerson(String uscc, UnitKind unitKind, String unitName, String role, String name,
            String idType, String idNumber) {}

    /**
     * A unit with categories exempt from the mechanism (停产 or 停用 in effect): exempt is not missing.
     *
     * @param uscc       the unit's 统一社会信用代码
     * @param unitKind   the unit's kind
     * @param name       the unit's name from its newest filing
     * @param exemptFrom per exempt equipment category, the first day of the record's period that made it exempt
     */
    public record ExemptUnit(String uscc, UnitKind unitKind, String name, Map<String, LocalDate> exemptFrom) {}
}
