package cn.sedx.gateway.compliance;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The last complete period of each kind of the 日管控、周排查、月调度 mechanism as of a day: the day before, the ISO
 * week before, the month before, written as safety records write them ({@code 2026-11-27}, {@code 2026-W47},
 * {@code 2026-10}).
 *
 * @param daily   the day a daily check record is expected for
 * @param weekly  the week a weekly investigation report is expected for
 * @param monthly the month a monthly dispatch minute is expected for
 */
record CompliancePeriods(String daily, String weekly, String monthly) {

    /** The periods to check as of {@code asOf} (that day itself is not complete yet). */
    public static CompliancePeriods asOf(LocalDate asOf) {
        LocalDate day = asOf.minusDays(1);
        LocalDate lastWeek = asOf.minusWeeks(1);
        String week = String.format("%d-W%02d", lastWeek.get(IsoFields.WEEK_BASED_YEAR),
                lastWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        LocalDate lastMonth = asOf.minusMonths(1);
        return new CompliancePeriods(day.toString(), week,
                String.format("%d-%02d", lastMonth.getYear(), lastMonth.getMonthValue()));
    }
}
