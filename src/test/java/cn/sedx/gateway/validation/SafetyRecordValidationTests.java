package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.SafetyRecord;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafetyRecordValidationTests {

    private static final String USE_UNIT = "91440106MA59ABCDEX";

    private final FilingValidator validator = Validators.validator();

    /** A validator that has the sample use unit's personnel filing on file. */
    private final FilingValidator withUseUnitOnFile = Validators.validator(uscc -> USE_UNIT.equals(uscc)
            ? Optional.of(Validators.personnelFiling("valid-use-unit.json"))
            : Optional.empty());

    private static ObjectNode record(String fixture) {
        return (ObjectNode) Fixtures.json("safety-record/" + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-daily-check.json", "valid-daily-check-zero-risk.json",
            "valid-weekly-investigation.json", "valid-monthly-dispatch.json", "valid-risk-control-list.json",
            "valid-temporarily-stopped.json"})
    void acceptsValidRecords(String fixture) {
        ValidationOutcome outcome = withUseUnitOnFile.validate(MessageType.SAFETY_RECORD, record(fixture));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.filing()).isInstanceOf(SafetyRecord.class);
    }

    @Test
    void acceptsADailyCheckWithoutFindingsAsAZeroRiskReport() {
        ValidationOutcome outcome = validator.validate(MessageType.SAFETY_RECORD,
                record("valid-daily-check-zero-risk.json"));

        assertThat(outcome.valid()).isTrue();
        assertThat(((SafetyRecord) outcome.filing()).findings()).isNull();
    }

    @Test
    void takesTheRegionFromTheCreditCodeWithAWarningWhenTheUnitIsNotOnFile() {
        ValidationOutcome outcome = validator.validate(MessageType.SAFETY_RECORD, record("valid-daily-check.json"));

        assertThat(outcome.unitUscc()).isEqualTo(USE_UNIT);
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.regionPointer()).isEqualTo("/unitUscc");
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.REGION_FROM_CREDIT_CODE, "/regionCode"));
    }

    @Test
    void reportsABodyThatIsNotAnObjectAndBindsNothing() {
        ValidationOutcome outcome = validator.validate(MessageType.SAFETY_RECORD, Validators.MAPPER.createArrayNode());

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.SCHEMA_VIOLATION, ""));
        assertThat(outcome.filing()).isNull();
        assertThat(outcome.unitUscc()).isNull();
        assertThat(outcome.regionCode()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "role-mismatch-daily-by-director.json,      RECORD_ROLE_MISMATCH,           /responsiblePerson/role",
        "period-weekly-as-date.json,                RECORD_PERIOD_MISMATCH,         /period",
        "period-week-53-in-52-week-year.json,       DATE_INVALID,                   /period",
        "period-in-future.json,                     DATE_IN_FUTURE,                 /period",
        "temporarily-stopped-without-note.json,     STATUS_NOTE_REQUIRED,           /statusNote",
        "serious-hazard-without-action.json,        SERIOUS_HAZARD_ACTION_REQUIRED, /findings/0/actionTaken",
        "uscc-bad-check-char.json,                  USCC_CHECKSUM,                  /unitUscc",
        "id-number-bad-check-digit.json,            ID_NUMBER_CHECKSUM,             /responsiblePerson/idNumber",
        "rectified-on-in-future.json,               DATE_IN_FUTURE,                 /findings/0/rectifiedOn",
        "missing-responsible-person.json,           SCHEMA_VIOLATION,               /responsiblePerson",
    })
    void reportsTheDefectWithItsCodeAndPointer(String fixture, ErrorCode code, String pointer) {
        ValidationOutcome outcome = validator.validate(MessageType.SAFETY_RECORD, record(fixture));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @ParameterizedTest
    @CsvSource({"DAILY_CHECK, 2026-W48", "DAILY_CHECK, 2026-11", "WEEKLY_INVESTIGATION, 2026-11",
            "MONTHLY_DISPATCH, 2026-11-01", "RISK_CONTROL_LIST, 2026/11", "MONTHLY_DISPATCH, 2026-11-1"})
    void rejectsAPeriodThatDoesNotFitTheKind(String kind, String period) {
        ObjectNode body = record("valid-risk-control-list.json").put("recordKind", kind).put("period", period);
        body.putObject("responsiblePerson").put("name", "陈建国").put("idNumber", "440106197503122016")
                .put("role", kind.equals("DAILY_CHECK") ? "SAFETY_OFFICER" : kind.equals("WEEKLY_INVESTIGATION")
                        ? "SAFETY_DIRECTOR" : "PRINCIPAL");

        assertThat(validator.validate(MessageType.SAFETY_RECORD, body).errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.RECORD_PERIOD_MISMATCH, "/period"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28", "2026-W48", "2026-11", "2026-W01", "2023-W19"})
    void acceptsARiskControlListForAnyPeriodShape(String period) {
        ObjectNode body = record("valid-risk-control-list.json").put("period", period);

        assertThat(validator.validate(MessageType.SAFETY_RECORD, body).errors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2026-13, DATE_INVALID", "2026-00, DATE_INVALID", "2026-12, DATE_IN_FUTURE",
            "2026-02-30, DATE_INVALID", "2026-W00, DATE_INVALID", "2026-W49, DATE_IN_FUTURE"})
    void rejectsPeriodsThatAreNotRealOrLieInTheFuture(String period, ErrorCode code) {
        ObjectNode body = record("valid-risk-control-list.json").put("period", period);

        assertThat(validator.validate(MessageType.SAFETY_RECORD, body).errors())
                .extracting(Violation::code, Violation::pointer).containsExactly(tuple(code, "/period"));
    }

    @Test
    void warnsWhenTheResponsiblePersonIsNotOnFile() {
        FilingValidator withDirectory = Validators.validator(uscc -> USE_UNIT.equals(uscc)
                ? Optional.of(Validators.personnelFiling("valid-use-unit.json"))
                : Optional.empty());
        ObjectNode body = record("valid-daily-check.json");
        ((ObjectNode) body.get("responsiblePerson")).put("idNumber", "11010519491231002X");

        ValidationOutcome outcome = withDirectory.validate(MessageType.SAFETY_RECORD, body);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.PERSON_ROLE_NOT_ON_FILE, "/responsiblePerson"));
    }

    @Test
    void acceptsWithoutWarningWhenThePersonHoldsTheRoleOnFile() {
        FilingValidator withDirectory = Validators.validator(
                uscc -> Optional.of(Validators.personnelFiling("valid-use-unit.json")));

        ValidationOutcome outcome = withDirectory.validate(MessageType.SAFETY_RECORD, record("valid-daily-check.json"));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void requiresTheProductionFormWhenTheFilingShowsAProductionUnit() {
        FilingValidator withDirectory = Validators.validator(
                uscc -> Optional.of(Validators.personnelFiling("valid-production-unit.json")));

        ValidationOutcome outcome = withDirectory.validate(MessageType.SAFETY_RECORD, record("valid-daily-check.json"));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.RECORD_ROLE_MISMATCH, "/responsiblePerson/role"));
    }

    @Test
    void acceptsEitherFormWhenTheUnitIsNotOnFile() {
        ObjectNode body = record("valid-daily-check.json");
        ((ObjectNode) body.get("responsiblePerson")).put("role", "QUALITY_SAFETY_OFFICER");

        assertThat(validator.validate(MessageType.SAFETY_RECORD, body).errors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"WEEKLY_INVESTIGATION, SAFETY_OFFICER", "MONTHLY_DISPATCH, SAFETY_DIRECTOR",
            "DAILY_CHECK, PRINCIPAL"})
    void rejectsARoleThatDoesNotFitTheKind(String kind, String role) {
        ObjectNode body = record("valid-monthly-dispatch.json").put("recordKind", kind)
                .put("period", kind.equals("WEEKLY_INVESTIGATION") ? "2026-W48" : kind.equals("DAILY_CHECK")
                        ? "2026-11-27" : "2026-11");
        ((ObjectNode) body.get("responsiblePerson")).put("role", role);

        assertThat(validator.validate(MessageType.SAFETY_RECORD, body).errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.RECORD_ROLE_MISMATCH, "/responsiblePerson/role"));
    }
}
