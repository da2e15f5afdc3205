package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.model.RecordKind;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The days a period covers, and how late a record for it is. */
class PeriodsTests {

    private static final ValidationSettings.LateFiling DEFAULTS = ValidationSettings.defaults().lateFiling();

    @ParameterizedTest
    @CsvSource({"2026-11-27, DAY, 2026-11-27, 2026-11-27", "2026-W48, WEEK, 2026-11-23, 2026-11-29",
            "2026-02, MONTH, 2026-02-01, 2026-02-28", "2024-02, MONTH, 2024-02-01, 2024-02-29",
            "2020-W53, WEEK, 2020-12-28, 2021-01-03"})
    void spansTheDaysOfAPeriod(String period, Periods.Shape shape, LocalDate first, LocalDate last) {
        assertThat(Periods.span(period)).contains(new Periods.Span(shape, first, last));
    }

    @ParameterizedTest
    @CsvSource({"2026-13", "2026-W54", "2026-02-30", "26-11", "''"})
    void spansNothingForANonPeriod(String period) {
        assertThat(Periods.span(period)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ending {1}, filed {2}: {3}")
    @CsvSource({"DAILY_CHECK, 2026-11-20, 2026-11-27, 0", "DAILY_CHECK, 2026-11-20, 2026-11-28, 1",
            "WEEKLY_INVESTIGATION, 2026-11-15, 2026-11-29, 0", "WEEKLY_INVESTIGATION, 2026-11-15, 2026-12-01, 2",
            "MONTHLY_DISPATCH, 2026-10-31, 2026-12-15, 0", "MONTHLY_DISPATCH, 2026-10-31, 2026-12-16, 1",
            "RISK_CONTROL_LIST, 2023-06-30, 2026-12-16, 0"})
    void countsTheDaysPastTheAllowance(RecordKind kind, LocalDate lastDay, LocalDate filedOn, long late) {
        assertThat(Math.max(0, Periods.daysLate(kind, lastDay, filedOn, DEFAULTS))).isEqualTo(late);
    }
}
