package cn.sedx.gateway.console;

import cn.sedx.gateway.report.YearEndReports;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The year-end reports (年度工作总结): who has sent, been signed for, been returned (and why), or is late. */
@Controller
@ConsoleEnabled
class ReportPages {

    private final YearEndReports reports;
    private final ConsoleSettings settings;
    private final Clock clock;

    ReportPages(YearEndReports reports, ConsoleSettings settings, Clock clock) {
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/reports")
    String yearEnd(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock.withZone(settings.zone())).getYear() : year;
        if (shown < 2000 || shown > 2100) {
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad year", List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, "year", "year 须为 2000 至 2100 的年份",
                    "year must lie between 2000 and 2100")));
        }
        model.addAttribute("status", reports.status(shown));
        model.addAttribute("year", shown);
        return "console/reports/year-end";
    }
}
