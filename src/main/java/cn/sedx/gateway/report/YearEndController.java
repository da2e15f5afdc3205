package cn.sedx.gateway.report;

import cn.sedx.gateway.compliance.YearEndFigures;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SubmissionAuthorizer;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/year-end?year=2023}, for operators and auditors: who sent the year's report.
 * {@code GET /api/v1/reports/year-end/figures?year=2023&region=44}: the year's figures computed from the store (the
 * counting rules are in {@link YearEndFigures} and docs/upload.md), for operators, auditors and systems, a system
 * only for a region inside its jurisdiction.
 */
@RestController
class YearEndController {

    private static final Pattern REGION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private final YearEndReports reports;
    private final YearEndFigures figures;
    private final SubmissionAuthorizer authorizer;

    YearEndController(YearEndReports reports, YearEndFigures figures, SubmissionAuthorizer authorizer) {
        this.reports = reports;
        this.figures = figures;
        this.authorizer = authorizer;
    }

    @GetMapping("/api/v1/reports/year-end")
    YearEndStatus yearEnd(@RequestParam int year) {
        checkYear(year);
        return reports.status(year);
    }

    @GetMapping("/api/v1/reports/year-end/figures")
    YearEndFigures.Computed figures(@RequestParam int year, @RequestParam String region) {
        checkYear(year);
        if (!REGION.matcher(region).matches()) {
            throw bad("region", "region 须为 2、4 或 6 位行政区划代码前缀", "region must be a region-code prefix of 2, 4 or 6 digits");
        }
        Callers.current().filter(Caller::isSystem)
                .ifPresent(system -> authorizer.checkRegion(system.id(), region, "region"));
        return figures.compute(year, region);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw bad("year", "year 须为 2000 至 2100 的年份", "year must lie between 2000 and 2100");
        }
    }

    private static SedxException bad(String parameter, String zh, String en) {
        return new SedxException(ErrorCode.SCHEMA_VIOLATION, null, false, "bad " + parameter,
                List.of(Violation.of(ErrorCode.SCHEMA_VIOLATION, parameter, zh, en)), null);
    }
}
