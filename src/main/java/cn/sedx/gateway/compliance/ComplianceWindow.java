package cn.sedx.gateway.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The days a compliance question looks at, first to last inclusive, and the ISO weeks and months that end inside
 * them. Days, weeks and months are numbered from 0 in the window, so ledgers keep them in bit sets.
 *
 * @param first the first day looked at
 * @param last  the last day looked at, on or after {@code first}
 */
record ComplianceWindow(LocalDate first, LocalDate last) {

    ComplianceWindow {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    /** How many days the window has. */
    int days() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The day's place in the window, or -1 when outside it. */
    int dayIndex(LocalDate day) {
        return day.isBefore(first) || day.isAfter(last) ? -1 : (int) ChronoUnit.DAYS.between(first, day);
    }

    /** The Monday of the first ISO week that ends inside the window (week index 0). */
    LocalDate firstMonday() {
        return first.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).minusDays(6);
    }

    /** The place of the ISO week starting on {@code monday} among the weeks ending in the window, or -1. */
    int weekIndex(LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        if (sunday.isBefore(first) || sunday.isAfter(last)) {
            return -1;
        }
        return (int) ChronoUnit.WEEKS.between(firstMonday(), monday);
    }

    /** The first month that ends inside the window (month index 0). */
    YearMonth firstMonth() {
        YearMonth month = YearMonth.from(first);
        return month.atEndOfMonth().isBefore(first) ? month.plusMonths(1) : month;
    }

    /** The place of a month among the months ending in the window, or -1. */
    int monthIndex(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        if (end.isBefore(first) || end.isAfter(last)) {
            return -1;
        }
        return (int) ChronoUnit.MONTHS.between(firstMonth(), month);
    }
}
