package cn.sedx.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CompliancePeriodsTests {

    @Test
    void checksTheDayWeekAndMonthBefore() {
        assertThat(CompliancePeriods.asOf(LocalDate.of(2026, 11, 28)))
                .isEqualTo(new CompliancePeriods("2026-11-27", "2026-W47", "2026-10"));
    }

    @Test
    void crossesTheYearOnNewYearsDay() {
        assertThat(CompliancePeriods.asOf(LocalDate.of(2027, 1, 1)))
                .isEqualTo(new CompliancePeriods("2026-12-31", "2026-W52", "2026-12"));
    }

    @Test
    void usesTheIsoWeekYearAcrossTheTurnOfTheYear() {
        // 2026-01-01 is a Thursday, so 2025-12-29 … 2026-01-04 is 2026-W01
        assertThat(CompliancePeriods.asOf(LocalDate.of(2026, 1, 8)).weekly()).isEqualTo("2026-W01");
    }
}
