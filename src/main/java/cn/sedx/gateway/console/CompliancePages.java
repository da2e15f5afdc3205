package cn.sedx.gateway.console;

import cn.sedx.gateway.compliance.ComplianceReport;
import cn.sedx.gateway.compliance.ComplianceView;
import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign's compliance by region (the compliance feature's view), with drill-down from a province to its
 * counties and the units missing staff or records, and the same figures as CSV.
 */
@Controller
@ConsoleEnabled
class CompliancePages {

    private static final Pattern REGION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private final ComplianceView view;
    private final DeliverySettings delivery;
    private final ConsoleSettings settings;
    private final Clock clock;

    CompliancePages(ComplianceView view, DeliverySettings delivery, ConsoleSettings settings, Clock clock) {
        this.view = view;
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/compliance")
    String compliance(@RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        model.addAttribute("report", report(region, asOf));
        return "console/compliance/compliance";
    }

    /** {@code rows=regions}: one line per region; {@code rows=units}: one line per unit missing something. */
    @GetMapping("/console/compliance/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "regions") String rows) {
        ComplianceReport report = report(region, asOf);
        List<List<String>> lines = new ArrayList<>();
        if (rows.equals("units")) {
            lines.add(List.of("region_code", "uscc", "missing"));
            report.regions().forEach(figures -> figures.unitsMissing().forEach(unit -> lines.add(List.of(
                    figures.regionCode(), unit.uscc(), String.join(" ", unit.missing())))));
        } else {
            lines.add(List.of("region_code", "units_filed", "units_fully_staffed", "units_with_daily",
                    "units_with_weekly", "units_with_monthly", "units_with_mechanism"));
            lines.add(figures(report.total()));
            report.regions().forEach(figures -> lines.add(figures(figures)));
        }
        String name = "compliance-" + report.region() + "-" + report.asOf() + "-" + (rows.equals("units") ? "units"
                : "regions") + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(Csv.write(lines));
    }

    private ComplianceReport report(String region, LocalDate asOf) {
        String wanted = region == null || region.isBlank() ? delivery.sender().regionCode().substring(0, 2)
                : region.strip();
        if (!REGION.matcher(wanted).matches()) {
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad region", List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, "region", "region 须为 2、4 或 6 位行政区划代码前缀",
                    "region must be a region-code prefix of 2, 4 or 6 digits")));
        }
        return view.report(wanted, asOf != null ? asOf : LocalDate.now(clock.withZone(settings.zone())));
    }

    private static List<String> figures(ComplianceReport.Figures figures) {
        return List.of(figures.regionCode(), Integer.toString(figures.unitsFiled()),
                Integer.toString(figures.unitsFullyStaffed()), Integer.toString(figures.unitsWithDaily()),
                Integer.toString(figures.unitsWithWeekly()), Integer.toString(figures.unitsWithMonthly()),
                Integer.toString(figures.unitsWithMechanism()));
    }
}
