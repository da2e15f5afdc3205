package cn.sedx.gateway.compliance;

import cn.sedx.gateway.model.RecordKind;
import cn.sedx.gateway.model.UnitKind;
import java.time.LocalDate;
import java.util.List;

/**
 * The campaign over a date range ({@code GET /api/v1/compliance?region=…&from=…&to=…}): per region, the units that
 * missed records, filed late or are exempt, with days, ISO weeks and months missed per equipment category, and the
 * units whose newest personnel filing lacks a principal, a director or an officer for a category.
 *
 * @param from    the first day looked at
 * @param to      the last day looked at (at most the day before {@code asOf}: a day is complete only when over)
 * @param total   the figures of the whole region asked for
 * @param regions per 6-digit region code in it, in code order; regions where nothing is missing are listed too
 */
record ComplianceRange(LocalDate from, LocalDate to, Totals total, List<RegionRange> regions) {

    /**
     * Figures summed over units.
     *
     * @param units                 units (credit code and unit kind) with a personnel filing
     * @param daysMissed            daily check records missing, summed over units and categories
     * @param weeksMissed           weekly investigation reports missing (ISO weeks ending in the range)
     * @param monthsMissed          monthly dispatch minutes missing (months ending in the range)
     * @param lateFilings           records for periods ending in the range filed later than allowed
     * @param unitsWithoutDirector  units whose newest filing names no director
     * @param unitsWithoutOfficers  units whose newest filing leaves a category without an officer
     */
    public record Totals(int units, long daysMissed, long weeksMissed, long monthsMissed, int lateFilings,
            int unitsWithoutDirector, int unitsWithoutOfficers) {}

    /**
     * One 6-digit region.
     *
     * @param regionCode   the code
     * @param regionName   its province, city and county names from the GB/T 2260 table (empty when not listed)
     * @param total        its figures
     * @param units        its units that missed a record, filed late or are exempt on some day; others are omitted
     * @param staffingGaps its units whose newest filing lacks a principal, a director or an officer
     */
    public record RegionRange(String regionCode, String regionName, Totals total, List<UnitRange> units,
            List<StaffingGap> staffingGaps) {}

    /**
     * One unit's standing over the range.
     *
     * @param uscc        统一社会信用代码
     * @param unitKind    单位类型
     * @param name        单位名称 (from its newest filing)
     * @param categories  per declared equipment category
     * @param lateFilings its late records
     */
    public record UnitRange(String uscc, UnitKind unitKind, String name, List<CategoryRange> categories,
            List<LateFiling> lateFilings) {}

    /**
     * One equipment category of a unit: periods expected (from the later of the range start and the day the Orders
     * took effect, except on exempt days), and how many of them have no record.
     *
     * @param category       the category code ({@code 3000})
     * @param categoryName   its name in the 特种设备目录 (电梯)
     * @param daysExpected   days a daily check record was due
     * @param daysMissed     of those, days without one
     * @param weeksExpected  ISO weeks a weekly investigation report was due
     * @param weeksMissed    of those, weeks without one
     * @param monthsExpected months monthly dispatch minutes were due
     * @param monthsMissed   of those, months without them
     * @param daysExempt     days in the range the category was exempt (停产 or 停用 in effect)
     * @param exemptFrom     the day the exemption in effect on the last day took effect; null when none is
     */
    public record CategoryRange(String category, String categoryName, long daysExpected, long daysMissed,
            long weeksExpected, long weeksMissed, long monthsExpected, long monthsMissed, long daysExempt,
            LocalDate exemptFrom) {}

    /**
     * A record filed later than allowed after its period (the LATE_FILING warning kept with the message).
     *
     * @param messageId  the record's message id
     * @param recordKind its kind
     * @param category   its equipment category
     * @param period     its period
     * @param daysLate   days past the allowance ({@code sedx.validation.late-filing.*})
     * @param filedOn    the day the gateway received it (China Standard Time)
     */
    public record LateFiling(String messageId, RecordKind recordKind, String category, String period, long daysLate,
            LocalDate filedOn) {}

    /**
     * A unit whose newest personnel filing lacks someone.
     *
     * @param uscc                     统一社会信用代码
     * @param unitKind                 单位类型
     * @param name                     单位名称
     * @param principalMissing         no 主要负责人
     * @param directorMissing          no (质量)安全总监
     * @param categoriesWithoutOfficer categories no (质量)安全员 covers
     */
    public record StaffingGap(String uscc, UnitKind unitKind, String name, boolean principalMissing,
            boolean directorMissing, List<String> categoriesWithoutOfficer) {}
}
