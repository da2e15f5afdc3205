package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.ResponsiblePerson;
import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.TrainingRecord;
import cn.sedx.gateway.model.TrainingRecord.Assessment;
import cn.sedx.gateway.model.TrainingRecord.Organiser;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.Optional;

/** The rules of a 培训考核记录 over a schema-valid record (docs/validation.md). */
final class TrainingRecordRules {

    private final RecordUnits units;
    private final IdentifierChecks identifiers;

    TrainingRecordRules(RecordUnits units, IdentifierChecks identifiers) {
        this.units = units;
        this.identifiers = identifiers;
    }

    /** @return the unit the record is about, with where it is */
    ResolvedUnit check(TrainingRecord record, Violations violations) {
        ResolvedUnit unit = units.check(record.unitUscc(), record.unitKind(), record.regionCode(), violations);
        ResponsiblePerson person = record.person();
        identifiers.identity(person.idType(), person.idNumber(), person.nationality(), "/person", violations);
        role(person.role(), unit.unitKind(), violations);
        if (!unit.showsOnFile(person)) {
            violations.warning(ErrorCode.TRAINEE_NOT_ON_FILE, "/person",
                    "最近一次人员信息填报中无此人担任 " + person.role(),
                    "the latest personnel filing does not show this person as " + person.role());
        }
        organiser(record.organiser(), violations);
        Assessment assessment = record.assessment();
        if (assessment.assessedBy() == Assessment.Assessor.REGULATOR_SPOT_CHECK
                && FailingRules.isBlank(assessment.regulatorName())) {
            violations.error(ErrorCode.SPOT_CHECK_REGULATOR_REQUIRED, "/assessment/regulatorName",
                    "未填 regulatorName", "no regulatorName");
        }
        identifiers.notFuture(record.trainedOn(), "/trainedOn", "培训日期", "trained on", violations);
        identifiers.notFuture(assessment.assessedOn(), "/assessment/assessedOn", "考核日期", "assessed on", violations);
        if (assessment.assessedOn().isBefore(record.trainedOn())) {
            violations.error(ErrorCode.ASSESSMENT_BEFORE_TRAINING, "/assessment/assessedOn",
                    "考核 " + assessment.assessedOn() + "，培训 " + record.trainedOn(),
                    "assessed " + assessment.assessedOn() + ", trained " + record.trainedOn());
        }
        return unit;
    }

    /** Directors and officers are trained and assessed (annex items 7–8); the form must fit the unit kind. */
    private static void role(Role role, Optional<UnitKind> kind, Violations violations) {
        if (role.level() == Role.Level.PRINCIPAL) {
            violations.error(ErrorCode.TRAINING_ROLE_INVALID, "/person/role", role + " 不在培训考核范围内",
                    role + " is not assessed under the campaign");
        } else if (kind.isPresent() && !role.fits(kind.get())) {
            violations.error(ErrorCode.ROLE_NOT_FOR_UNIT_KIND, "/person/role", role + " 不适用于 " + kind.get() + " 单位",
                    role + " does not apply to a " + kind.get() + " unit");
        }
    }

    private void organiser(Organiser organiser, Violations violations) {
        if (organiser.kind() != Organiser.Kind.ENTRUSTED_BODY) {
            return;
        }
        if (FailingRules.isBlank(organiser.name())) {
            violations.error(ErrorCode.ORGANISER_DETAILS_REQUIRED, "/organiser/name", "未填 name", "no name");
        }
        if (organiser.uscc() == null) {
            violations.error(ErrorCode.ORGANISER_DETAILS_REQUIRED, "/organiser/uscc", "未填 uscc", "no uscc");
        } else {
            identifiers.uscc(organiser.uscc(), "/organiser/uscc", violations);
        }
    }
}
