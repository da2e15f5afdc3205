package cn.sedx.gateway.compliance;

import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SubmissionAuthorizer;
import cn.sedx.gateway.shared.QueryParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/compliance?region=44[&asOf=2026-11-28][&from=2026-11-01&to=2026-11-27]}: operators and auditors
 * see any region; a submitting system sees only regions inside its jurisdiction (a province its province, a county
 * its county). With {@code from} and {@code to} the answer adds the figures over that range.
 */
@RestController
class ComplianceController {

    /** Periods are counted in China Standard Time, the campaign's calendar. */
    static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");

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
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        QueryParameters.regionPrefix(region);
        if ((from != null || to != null) && !ComplianceView.validRange(from, to)) {
            throw QueryParameters.invalid(from == null ? "from" : "to",
                    "from 与 to 须同时给出，to 不早于 from，且不超过 " + ComplianceView.MAX_RANGE_DAYS + " 天",
                    "from and to go together, to not before from, at most " + ComplianceView.MAX_RANGE_DAYS + " days");
        }
        Callers.current().filter(Caller::isSystem)
                .ifPresent(system -> authorizer.checkRegion(system.id(), region, "region"));
        return view.report(region, asOf != null ? asOf : LocalDate.now(clock.withZone(CAMPAIGN_ZONE)), from, to);
    }
}
