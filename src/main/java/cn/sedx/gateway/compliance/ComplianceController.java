package cn.sedx.gateway.compliance;

import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SubmissionAuthorizer;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/compliance?region=44[&asOf=2026-11-28]}: operators and auditors see any region; a
 * submitting system sees only regions inside its jurisdiction (a province its province, a county its county).
 */
@RestController
class ComplianceController {

    /** Periods are counted in China Standard Time, the campaign's calendar. */
    static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern REGION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private final ComplianceView view;
    private final SubmissionAuthorizer authorizer;
    private final Clock clock;

    ComplianceController(ComplianceView view, SubmissionAuthorizer authorizer, Clock clock) {
        this.view = view;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    @GetMapping("/api/v1/compliance")
    ComplianceReport compliance(@RequestParam String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (!REGION.matcher(region).matches()) {
            throw new SedxException(ErrorCode.SCHEMA_VIOLATION, null, false, "bad region", List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, "region", "region 须为 2、4 或 6 位行政区划代码前缀",
                    "region must be a region-code prefix of 2, 4 or 6 digits")), null);
        }
        Callers.current().filter(Caller::isSystem)
                .ifPresent(system -> authorizer.checkRegion(system.id(), region, "region"));
        return view.report(region, asOf != null ? asOf : LocalDate.now(clock.withZone(CAMPAIGN_ZONE)));
    }
}
