package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Finding;
import cn.sedx.gateway.model.HazardLevel;
import cn.sedx.gateway.model.OperatingStatus;
import cn.sedx.gateway.model.RecordKind;
import cn.sedx.gateway.model.ResponsiblePerson;
import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.SafetyRecord;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;
import java.util.Optional;

/** The rules of the 日管控、周排查、月调度 mechanism over a schema-valid safety record. */
final class SafetyRecordRules {

    private final UnitResolver units;
    private final IdentifierChecks identifiers;
    private final RecordPeriodRules periods;

    SafetyRecordRules(PersonnelDirectory directory, IdentifierChecks identifiers, ValidationSettings settings) {
        this.units = new UnitResolver(directory);
        this.identifiers = identifiers;
        this.periods = new RecordPeriodRules(identifiers, settings);
    }

    /** @return the unit the record is about, with where it is */
    ResolvedUnit check(SafetyRecord record, Violations violations) {
        identifiers.uscc(record.unitUscc(), "/unitUscc", violations);
        if (record.regionCode() != null) {
            identifiers.location(record.regionCode(), "/regionCode", violations);
        }
        ResponsiblePerson person = record.responsiblePerson();
        identifiers.identity(person.idType(), person.idNumber(), person.nationality(), "/responsiblePerson",
                violations);
        periods.check(record.recordKind(), record.period(), violations);
        ResolvedUnit unit = units.resolve(record.unitUscc(), record.unitKind(), record.regionCode(),
                UnitPointers.SAFETY_RECORD);
        violations.addErrors(unit.errors());
        violations.addWarnings(unit.warnings());
        roleFitsKind(record, unit.unitKind(), violations);
        if (!unit.showsOnFile(person)) {
            violations.warning(ErrorCode.PERSON_ROLE_NOT_ON_FILE, "/responsiblePerson",
                    "最近一次人员信息填报中无此人担任 " + person.role(),
                    "the latest personnel filing does not show this person as " + person.role());
        }
        statusFitsKind(record.operatingStatus(), unit.unitKind(), violations);
        if (record.operatingStatus() == OperatingStatus.TEMPORARILY_STOPPED && isBlank(record.statusNote())) {
            violations.error(ErrorCode.STATUS_NOTE_REQUIRED, "/statusNote",
                    "临时停用须如实记录调整情况", "record truthfully how the checks were adjusted");
        }
        findings(record.findings() == null ? List.of() : record.findings(), violations);
        return unit;
    }

    /** The role's level must fit the kind; its form must fit the unit kind when the record or a filing shows it. */
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

    /** 停产 concerns production units; 停用 and 临时停用 the equipment of use and filling units. */
    private static void statusFitsKind(OperatingStatus status, Optional<UnitKind> unitKind, Violations violations) {
        unitKind.filter(kind -> !status.fits(kind)).ifPresent(kind -> violations.error(
                ErrorCode.OPERATING_STATUS_NOT_FOR_UNIT_KIND, "/operatingStatus",
                status + " 不适用于 " + kind + " 单位（停产仅限生产单位，停用、临时停用仅限使用、充装单位）",
                status + " does not apply to a " + kind + " unit (PRODUCTION_SUSPENDED: production units only;"
                        + " STOPPED_REGISTERED, TEMPORARILY_STOPPED: use and filling units only)"));
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

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
