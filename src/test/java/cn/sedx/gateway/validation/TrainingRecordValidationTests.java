package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.TrainingRecord;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 培训考核记录: who was trained and assessed, by whom, when, with what result (docs/validation.md). */
class TrainingRecordValidationTests {

    private final FilingValidator validator = Validators.validator(
            new InMemoryDirectory().file("valid-use-unit.json"));

    private ValidationOutcome validate(String fixture) {
        return validator.validate(MessageType.TRAINING_RECORD, Fixtures.json("training-record/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-officer-trained-by-unit.json", "valid-director-trained-by-entrusted-body.json",
            "valid-spot-check-failed.json"})
    void acceptsTrainingByTheUnitOrAnEntrustedBodyAndSpotChecks(String fixture) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.filing()).isInstanceOf(TrainingRecord.class);
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.unitKind()).isEqualTo(UnitKind.USE);
    }

    @Test
    void bindsHoursAndScoreAsDecimals() {
        TrainingRecord record = (TrainingRecord) validate("valid-director-trained-by-entrusted-body.json").filing();

        assertThat(record.hours()).isEqualByComparingTo(new BigDecimal("16.5"));
        assertThat(record.assessment().score()).isEqualByComparingTo(new BigDecimal("92"));
        assertThat(record.organiser().kind()).isEqualTo(TrainingRecord.Organiser.Kind.ENTRUSTED_BODY);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "principal-trained.json,                  TRAINING_ROLE_INVALID,         /person/role",
        "quality-officer-in-use-unit.json,        ROLE_NOT_FOR_UNIT_KIND,        /person/role",
        "entrusted-body-without-credit-code.json, ORGANISER_DETAILS_REQUIRED,    /organiser/uscc",
        "spot-check-without-regulator.json,       SPOT_CHECK_REGULATOR_REQUIRED, /assessment/regulatorName",
        "assessed-before-trained.json,            ASSESSMENT_BEFORE_TRAINING,    /assessment/assessedOn",
        "id-number-bad-check-digit.json,          ID_NUMBER_CHECKSUM,            /person/idNumber",
        "hours-zero.json,                         SCHEMA_VIOLATION,              /hours",
    })
    void refusesWhatIsWrongWithItsOwnCode(String fixture, ErrorCode code, String pointer) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
        assertThat(outcome.errors().get(0).messageZh()).doesNotContain("440106199004151517");
    }

    @Test
    void refusesTrainingAndAssessmentDatesInTheFuture() {
        assertThat(validate("trained-in-future.json").errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.DATE_IN_FUTURE, "/trainedOn"),
                        tuple(ErrorCode.DATE_IN_FUTURE, "/assessment/assessedOn"));
    }

    @Test
    void acceptsAPersonNotInTheUnitsFilingWithAWarning() {
        ValidationOutcome outcome = validate("officer-not-on-file.json");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.TRAINEE_NOT_ON_FILE, "/person"));
        assertThat(outcome.warnings().get(0).messageZh()).doesNotContain("11010519491231002X");
    }

    @Test
    void findsTheUnitsRegionInItsFilingWhenTheRecordNamesNone() {
        ObjectNode record = (ObjectNode) Fixtures.json("training-record/valid-officer-trained-by-unit.json");
        record.remove("regionCode");
        record.remove("unitKind");

        ValidationOutcome outcome = validator.validate(MessageType.TRAINING_RECORD, record);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.unitKind()).isEqualTo(UnitKind.USE);
        assertThat(outcome.regionPointer()).isEqualTo("/unitUscc");
    }

    @Test
    void takesTheCreditCodesRegionWithAWarningForAUnitNotOnFile() {
        ObjectNode record = (ObjectNode) Fixtures.json("training-record/valid-officer-trained-by-unit.json");
        record.remove("regionCode");

        ValidationOutcome outcome = Validators.validator().validate(MessageType.TRAINING_RECORD, record);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code).containsExactly(ErrorCode.REGION_FROM_CREDIT_CODE);
        assertThat(outcome.regionCode()).isEqualTo("440106");
    }
}
