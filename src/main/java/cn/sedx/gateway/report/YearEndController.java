package cn.sedx.gateway.report;

import cn.sedx.gateway.compliance.YearEndFigures;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SubmissionAuthorizer;
import cn.sedx.gateway.shared.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/year-end?year=2023}, for operators and auditors: who sent the year's report.
 * {@code GET /api/v1/reports/year-end/figures?year=2023&region=44}: the year's figures computed from the store (the
 * counting rules are in {@link YearEndFigures} and docs/campaign.md), for operators, auditors and systems, a system
 * only for a region inside its jurisdiction.
 */
@RestController
class YearEndController {


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
        QueryParameters.regionPrefix(region);
        Callers.current().filter(Caller::isSystem)
                .ifPresent(system -> authorizer.checkRegion(system.id(), region, "region"));
        return figures.compute(year, region);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw QueryParameters.invalid("year", "year 须为 2000 至 2100 的年份", "year must lie between 2000 and 2100");
        }
    }
}
