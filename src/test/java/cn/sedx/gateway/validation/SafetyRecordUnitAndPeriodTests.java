package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.model.SafetyRecord;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.Uscc;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Safety records: where the unit is, which unit (credit code and kind) it is, status by kind, periods. */
class SafetyRecordUnitAndPeriodTests {

    private static final String USE_UNIT = "91440106MA59ABCDEX";

    private final InMemoryDirectory directory = new InMemoryDirectory().file("valid-use-unit.json");
    private final FilingValidator validator = Validators.validator(directory);

    private static ObjectNode record(String fixture) {
        return (ObjectNode) Fixtures.json("safety-record/" + fixture);
    }

    private ValidationOutcome validate(String fixture) {
        return validator.validate(MessageType.SAFETY_RECORD, record(fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-daily-check-with-unit-kind-and-region.json",
            "valid-daily-check-on-last-day-before-late.json"})
    void acceptsValidRecords(String fixture) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void acceptsTheDayTheOrdersTookEffectAsTheFirstPeriod() {
        ValidationOutcome outcome = validate("valid-daily-check-on-orders-effective-day.json");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code).containsExactly(ErrorCode.LATE_FILING);
    }

    @Test
    void takesTheRegionFromTheRecordFirst() {
        ObjectNode body = record("valid-daily-check.json").put("regionCode", "440106");

        ValidationOutcome outcome = Validators.validator(new InMemoryDirectory()).validate(MessageType.SAFETY_RECORD,
                body);

        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.regionPointer()).isEqualTo("/regionCode");
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void takesTheRegionFromTheUnitsFilingBeforeItsCreditCode() {
        String cityLevel = Uscc.withRegion(USE_UNIT, "440100");
        InMemoryDirectory onFile = new InMemoryDirectory().file("valid-use-unit-credit-code-issued-at-city-level.json");
        ObjectNode body = record("valid-daily-check.json").put("unitUscc", cityLevel);

        ValidationOutcome outcome = Validators.validator(onFile).validate(MessageType.SAFETY_RECORD, body);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.regionPointer()).isEqualTo("/unitUscc");
        assertThat(outcome.unitKind()).isEqualTo(UnitKind.USE);
    }

    @Test
    void refusesARegionOutsideSupervision() {
        assertThat(validate("region-code-macao.json").errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.REGION_OUTSIDE_SUPERVISION, "/regionCode"));
    }

    @Test
    void refusesARecordThatNamesNoKindForACreditCodeOfTwoKinds() {
        directory.fileAs("valid-use-unit.json", UnitKind.PRODUCTION, "440106");

        ValidationOutcome outcome = validate("daily-check-without-unit-kind-for-a-credit-code-of-two-kinds.json");

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.UNIT_KIND_REQUIRED, "/unitKind"));
        assertThat(outcome.errors().get(0).messageEn()).contains("[PRODUCTION, USE]");
        assertThat(outcome.regionCode()).isEqualTo("440106");
    }

    @Test
    void checksTheRoleAgainstTheFilingOfTheKindTheRecordNames() {
        directory.file("valid-production-unit.json")
                .fileAs("valid-production-unit.json", UnitKind.USE, "440112");
        String firm = Validators.personnelFiling("valid-production-unit.json").unit().uscc();
        ObjectNode asUseUnit = record("valid-daily-check.json").put("unitUscc", firm).put("unitKind", "USE");
        ObjectNode asProducer = asUseUnit.deepCopy().put("unitKind", "PRODUCTION");

        assertThat(validator.validate(MessageType.SAFETY_RECORD, asUseUnit).errors()).isEmpty();
        assertThat(validator.validate(MessageType.SAFETY_RECORD, asProducer).errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.RECORD_ROLE_MISMATCH, "/responsiblePerson/role"));
    }

    @Test
    void checksTheRoleFormAgainstTheKindTheRecordNamesEvenWithNothingOnFile() {
        ObjectNode body = record("valid-daily-check.json").put("unitKind", "PRODUCTION");

        assertThat(Validators.validator(new InMemoryDirectory()).validate(MessageType.SAFETY_RECORD, body).errors())
                .extracting(Violation::code).containsExactly(ErrorCode.RECORD_ROLE_MISMATCH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "production-suspended-by-use-unit.json,             OPERATING_STATUS_NOT_FOR_UNIT_KIND",
        "stopped-registered-by-production-unit.json,        OPERATING_STATUS_NOT_FOR_UNIT_KIND",
    })
    void refusesAStatusThatDoesNotFitTheUnitKind(String fixture, ErrorCode code) {
        ValidationOutcome outcome = Validators.validator(new InMemoryDirectory()).validate(MessageType.SAFETY_RECORD,
                record(fixture));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, "/operatingStatus"));
    }

    @Test
    void acceptsProductionSuspendedFromAProductionUnit() {
        ValidationOutcome outcome = Validators.validator(new InMemoryDirectory()).validate(MessageType.SAFETY_RECORD,
                record("valid-production-suspended-by-production-unit.json"));

        assertThat(outcome.errors()).isEmpty();
    }

    @Test
    void takesTheUnitKindForTheStatusFromTheFilingOnFile() {
        ObjectNode body = record("valid-daily-check.json").put("operatingStatus", "PRODUCTION_SUSPENDED");

        assertThat(validator.validate(MessageType.SAFETY_RECORD, body).errors()).extracting(Violation::code)
                .containsExactly(ErrorCode.OPERATING_STATUS_NOT_FOR_UNIT_KIND);
    }

    @Test
    void refusesAPeriodThatEndedBeforeTheOrdersTookEffect() {
        assertThat(validate("period-before-orders.json").errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.PERIOD_BEFORE_ORDERS, "/period"));
        ObjectNode week53 = record("valid-risk-control-list.json").put("period", "2020-W53");
        assertThat(validator.validate(MessageType.SAFETY_RECORD, week53).errors()).extracting(Violation::code)
                .containsExactly(ErrorCode.PERIOD_BEFORE_ORDERS);
        ObjectNode weekOfTheFifth = record("valid-weekly-investigation.json").put("period", "2023-W18");
        assertThat(validator.validate(MessageType.SAFETY_RECORD, weekOfTheFifth).errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1} day(s) late")
    @CsvSource({"late-filing-daily-check.json, 2", "late-filing-weekly-investigation.json, 6",
            "late-filing-monthly-dispatch.json, 14"})
    void acceptsALateRecordWithAWarning(String fixture, long daysLate) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.LATE_FILING, "/period"));
        assertThat(outcome.warnings().get(0).messageEn()).contains(daysLate + " day(s) late");
    }

    @Test
    void takesTheLateFilingAllowanceFromTheSettings() {
        var lenient = new ValidationSettings.LateFiling(Duration.ofDays(30), null, null);
        var settings = new ValidationSettings(null, null, null, null, null, null, lenient, null, null);

        ValidationOutcome outcome = new FilingValidator(settings, directory, Validators.CLOCK)
                .validate(MessageType.SAFETY_RECORD, record("late-filing-daily-check.json"));

        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void takesTheOrdersEffectiveDateFromTheSettings() {
        var settings = new ValidationSettings(null, null, null, null, null, LocalDate.of(2023, 5, 1), null, null,
                null);

        ValidationOutcome outcome = new FilingValidator(settings, directory, Validators.CLOCK)
                .validate(MessageType.SAFETY_RECORD, record("period-before-orders.json"));

        assertThat(outcome.errors()).isEmpty();
    }

    @Test
    void acceptsAResponsiblePersonWithAPassportAndMatchesThemByDocument() {
        ValidationOutcome outcome = validate("valid-daily-check-by-passport-holder.json");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code).containsExactly(ErrorCode.PERSON_ROLE_NOT_ON_FILE);
        assertThat(((SafetyRecord) outcome.filing()).responsiblePerson().documentType()).isEqualTo(IdType.PASSPORT);
        assertThat(validate("responsible-person-passport-without-nationality.json").errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.NATIONALITY_INVALID, "/responsiblePerson/nationality"));
    }
}
