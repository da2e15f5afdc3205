package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Classification;
import cn.sedx.gateway.model.Figures;
import cn.sedx.gateway.model.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/** The rules for a year-end report, an official document bound for the national document exchange. */
final class YearEndReportRules {

    private final ValidationSettings settings;
    private final IdentifierChecks identifiers;
    private final AttachmentRules attachments;
    private final ComputedFigures figures;

    YearEndReportRules(ValidationSettings settings, IdentifierChecks identifiers, ComputedFigures figures) {
        this.settings = settings;
        this.identifiers = identifiers;
        this.attachments = new AttachmentRules(settings);
        this.figures = figures;
    }

    /**
     * Refuses a classified document from the raw body, whether or not the rest of it is valid: a secret must
     * not go further into a non-classified system just because another field is wrong.
     */
    static void refuseClassified(JsonNode body, Violations violations) {
        JsonNode label = body == null ? null : body.get("classification");
        if (label == null || !label.isTextual()) {
            return;
        }
        Arrays.stream(Classification.values())
                .filter(c -> c.isClassified() && c.label().equals(label.asText()))
                .findFirst()
                .ifPresent(c -> violations.error(ErrorCode.CLASSIFIED_DOCUMENT_REFUSED, "/classification",
                        "密级为" + c.label() + "的公文须经涉密网络传输",
                        "a document classified " + c.name() + " must travel over a classified network"));
    }

    void check(YearEndReport report, Violations violations) {
        identifiers.uscc(report.issuer().uscc(), "/issuer/uscc", violations);
        identifiers.location(report.issuer().regionCode(), "/issuer/regionCode", violations);
        DocumentNumbers.check(report.documentNumber()).ifPresent(code -> violations.error(code, "/documentNumber",
                "应为 机关代字〔年份〕序号号，如 粤市监特〔2023〕12号（GB/T 9704-2012 7.2.5）",
                "expected abbreviation〔year〕number号, e.g. 粤市监特〔2023〕12号 (GB/T 9704-2012 7.2.5)"));
        DocumentNumbers.yearOf(report.documentNumber())
                .filter(year -> year != report.issuedOn().getYear())
                .ifPresent(year -> violations.error(ErrorCode.DOCUMENT_NUMBER_YEAR_MISMATCH, "/documentNumber",
                        "发文字号年份 " + year + "，成文日期 " + report.issuedOn(),
                        "year " + year + " in the number, issued on " + report.issuedOn()));
        identifiers.notFuture(report.issuedOn(), "/issuedOn", "成文日期", "issued on", violations);
        signer(report.signer(), violations);
        mainRecipient(report.mainRecipients(), violations);
        figures(report.figures(), violations);
        attachments.check(report.attachments(), "/attachments", violations);
        computed(report, violations);
    }

    /**
     * 签发人: GB/T 9704-2012 7.2.6 asks it of every 上行文, which a report to SAMR is; refused without one only when
     * configured ({@code require-signer}), so reports of clients written before the field existed still pass.
     */
    private void signer(String signer, Violations violations) {
        if (signer == null && settings.requireSigner()) {
            violations.error(ErrorCode.SIGNER_MISSING, "/signer", "未填 signer", "no signer");
        }
    }

    private void mainRecipient(List<String> mainRecipients, Violations violations) {
        String required = settings.requiredMainRecipient();
        if (!required.isBlank() && !mainRecipients.contains(required)) {
            violations.error(ErrorCode.MAIN_RECIPIENT_MISSING, "/mainRecipients",
                    "主送须包括 " + required, "the main recipients must include " + required);
        }
    }

    /** Units fully staffed or running the mechanism are units that filed: neither count exceeds unitsFiled. */
    private static void figures(Figures figures, Violations violations) {
        notAboveFiled("unitsFullyStaffed", figures.unitsFullyStaffed(), figures.unitsFiled(), violations);
        notAboveFiled("unitsWithMechanism", figures.unitsWithMechanism(), figures.unitsFiled(), violations);
    }

    private static void notAboveFiled(String field, int value, int filed, Violations violations) {
        if (value > filed) {
            violations.error(ErrorCode.FIGURES_INCONSISTENT, "/figures/" + field,
                    field + " " + value + " 大于 unitsFiled " + filed, field + " " + value + " exceeds unitsFiled " + filed);
        }
    }

    /**
     * The bureau's own figures may rightly differ from what the gateway has on file; each difference is a warning
     * naming both numbers, so the regulator sees it.
     */
    private void computed(YearEndReport report, Violations violations) {
        figures.of(report.year(), RegionCodes.areaPrefix(report.issuer().regionCode())).ifPresent(computed -> {
            Figures stated = report.figures();
            differs("unitsFiled", stated.unitsFiled(), computed.unitsFiled(), violations);
            differs("unitsFullyStaffed", stated.unitsFullyStaffed(), computed.unitsFullyStaffed(), violations);
            differs("unitsWithMechanism", stated.unitsWithMechanism(), computed.unitsWithMechanism(), violations);
            differs("ordersIssued", stated.ordersIssued(), computed.ordersIssued(), violations);
            differs("penalties", stated.penalties(), computed.penalties(), violations);
        });
    }

    private static void differs(String field, int stated, int computed, Violations violations) {
        if (stated != computed) {
            violations.warning(ErrorCode.FIGURES_DIFFER_FROM_COMPUTED, "/figures/" + field,
                    field + " 填报 " + stated + "，网关统计 " + computed,
                    field + " is " + stated + " in the report, " + computed + " as the gateway counts");
        }
    }
}
