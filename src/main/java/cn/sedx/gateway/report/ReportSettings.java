package cn.sedx.gateway.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the year-end report follow-up ({@code sedx.report.*}).
 *
 * @param zone    the calendar deadlines are counted in
 * @param yearEnd who must send a year-end report, and by when
 */
@Validated
@ConfigurationProperties("sedx.report")
record ReportSettings(
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @NotNull @Valid @DefaultValue YearEnd yearEnd) {

    /**
     * The year-end work report (年度工作总结).
     *
     * @param deadline      month and day of the report's year by which it is due, {@code MM-dd}
     * @param organisations the organisations that must send one
     */
    public record YearEnd(
            @NotNull @Pattern(regexp = "\\d{2}-\\d{2}") @DefaultValue("12-31") String deadline,
            @NotNull @DefaultValue List<@Valid Organisation> organisations) {

        /** The deadline as a month-day. */
        public MonthDay deadlineDay() {
            return MonthDay.parse("--" + deadline);
        }
    }

    /**
     * An organisation that submits a year-end report.
     *
     * @param name 机关名称
     * @param uscc its 统一社会信用代码, matched against the report's issuer
     */
    public record Organisation(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9A-Z]{18}") String uscc) {}
}
