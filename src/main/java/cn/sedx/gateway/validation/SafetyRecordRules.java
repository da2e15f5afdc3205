package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Finding;
import cn.sedx.gateway.model.HazardLevel;
import cn.sedx.gateway.model.OperatingStatus;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.RecordKind;
import cn.sedx.gateway.model.ResponsiblePerson;
import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.SafetyRecord;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The rules of the 日管控、周排查、月调度 mechanism over a schema-valid safety record. */
final class SafetyRecordRules {

    private final PersonnelDirectory directory;
    private final IdentifierChecks identifiers;

    SafetyRecordRules(PersonnelDirectory directory, IdentifierChecks identifiers) {
        this.directory = directory;
        this.identifiers = identifiers;
    }

    void check(SafetyRecord record, Violations violations) {
        identifiers.uscc(record.unitUscc(), "/unitUscc", violations);
        identifiers.idNumber(record.responsiblePerson().idNumber(), "/responsiblePerson/idNumber", violations);
        period(record.recordKind(), record.period(), violations);
        Optional<PersonnelFiling> onFile = directory.latestFiling(record.unitUscc());
        roleFitsKind(record, onFile.map(filing -> filing.unit().unitKind()), violations);
        onFile.ifPresent(filing -> roleOnFile(record.responsiblePerson(), filing, violations));
        if (record.operatingStatus() == OperatingStatus.TEMPORARILY_STOPPED && isBlank(record.statusNote())) {
            violations.error(ErrorCode.STATUS_NOTE_REQUIRED, "/statusNote",
                    "临时停用须如实记录调整情况", "record truthfully how the checks were adjusted");
        }
        findings(record.findings() == null ? List.of() : record.findings(), violations);
    }

    private void period(RecordKind kind, String period, Violations violations) {
        Optional<Periods.Shape> shape = Periods.shapeOf(period);
        if (shape.isEmpty() || !Periods.fits(kind, shape.get())) {
            violations.error(ErrorCode.RECORD_PERIOD_MISMATCH, "/period",
                    kind + " 的期间应为 " + expected(kind) + "：" + period,
                    kind + " expects a period of the form " + expected(kind) + ": " + period);
            return;
        }
        Optional<LocalDate> first = Periods.firstDay(period, shape.get());
        if (first.isEmpty()) {
            violations.error(ErrorCode.DATE_INVALID, "/period", "不存在的期间 " + period, "no such period " + period);
        } else {
            identifiers.notFuture(first.get(), "/period", "期间开始于", "the period starting", violations);
        }
    }

    /** The role's level must fit the kind; its form must fit the unit kind when a filing shows it. */
    private static void roleFitsKind(SafetyRecord record, Optional<UnitKind> unitKind, Violations violations) {
        Role role = record.responsiblePerson().role();
        Optional<Role.Level> expected = expectedLevel(record.recordKind());
        boolean levelFits = expected.map(level -> level == role.level()).orElse(true);
        boolean formFits = unitKind.map(role::fits).orElse(true);
        if (!levelFits || !formFits) {
            String kinds = unitKind.map(kind -> "，单位类型 " + kind).orElse("");
            violations.error(ErrorCode.RECORD_ROLE_MISMATCH, "/responsiblePerson/role",
                    record.recordKind() + " 不能由 " + role + " 负责" + kinds,
                    record.recordKind() + " cannot be the responsibility of " + role
                            + unitKind.map(kind -> " in a " + kind + " unit").orElse(""));
        }
    }

    private static void roleOnFile(ResponsiblePerson person, PersonnelFiling filing, Violations violations) {
        boolean onFile = filing.persons().stream()
                .anyMatch(p -> p.role() == person.role() && person.idNumber().equals(p.idNumber()));
        if (!onFile) {
            violations.warning(ErrorCode.PERSON_ROLE_NOT_ON_FILE, "/responsiblePerson",
                    "最近一次人员信息填报中无此人担任 " + person.role(),
                    "the latest personnel filing does not show this person as " + person.role());
        }
    }

    private void findings(List<Finding> findings, Violations violations) {
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.hazardLevel() == HazardLevel.SERIOUS && isBlank(finding.actionTaken())) {
                violations.error(ErrorCode.SERIOUS_HAZARD_ACTION_REQUIRED, "/findings/" + i + "/actionTaken",
                        "严重事故隐患须停止使用设备并报告安全总监", "stop the equipment and report to the director");
            }
            identifiers.notFuture(finding.rectifiedOn(), "/findings/" + i + "/rectifiedOn",
                    "整改完成日期", "rectified on", violations);
        }
    }

    private static Optional<Role.Level> expectedLevel(RecordKind kind) {
        return switch (kind) {
            case DAILY_CHECK -> Optional.of(Role.Level.OFFICER);
            case WEEKLY_INVESTIGATION -> Optional.of(Role.Level.DIRECTOR);
            case MONTHLY_DISPATCH -> Optional.of(Role.Level.PRINCIPAL);
            case RISK_CONTROL_LIST -> Optional.empty();
        };
    }

    private static String expected(RecordKind kind) {
        return switch (kind) {
            case DAILY_CHECK -> "yyyy-MM-dd";
            case WEEKLY_INVESTIGATION -> "yyyy-Www";
            case MONTHLY_DISPATCH -> "yyyy-MM";
            case RISK_CONTROL_LIST -> "yyyy-MM-dd | yyyy-Www | yyyy-MM";
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
