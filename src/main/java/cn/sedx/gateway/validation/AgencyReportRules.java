package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.AgencyReport;

/**
 * The rules of an agency's report over a schema-valid report (docs/validation.md). That the approval number is the
 * submitting system's is checked by the intake, which knows the system.
 */
final class AgencyReportRules {

    private final RecordUnits units;
    private final IdentifierChecks identifiers;
    private final AttachmentRules attachments;

    AgencyReportRules(RecordUnits units, IdentifierChecks identifiers, AttachmentRules attachments) {
        this.units = units;
        this.identifiers = identifiers;
        this.attachments = attachments;
    }

    /** @return the unit reported, with where it is (which decides its local regulator) */
    ResolvedUnit check(AgencyReport report, Violations violations) {
        identifiers.uscc(report.agency().uscc(), "/agency/uscc", violations);
        ResolvedUnit unit = units.check(report.unitUscc(), report.unitKind(), report.regionCode(), violations);
        identifiers.notFuture(report.source().date(), "/source/date", "检验或鉴定评审日期", "inspected or assessed on",
                violations);
        FailingRules.check(report.failings(), "/failings", violations);
        attachments.check(report.attachments(), "/attachments", violations);
        return unit;
    }
}
