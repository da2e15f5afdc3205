package cn.sedx.gateway.report;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reports/year-end?year=2023}, for operators and auditors. */
@RestController
class YearEndController {

    private final YearEndReports reports;

    YearEndController(YearEndReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/year-end")
    YearEndStatus yearEnd(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new SedxException(ErrorCode.SCHEMA_VIOLATION, null, false, "bad year", List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, "year", "year 须为 2000 至 2100 的年份",
                    "year must lie between 2000 and 2100")), null);
        }
        return reports.status(year);
    }
}
