package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.AgencyReport;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 检验、鉴定评审机构报告 (docs/validation.md). */
class AgencyReportValidationTests {

    private final FilingValidator validator = Validators.validator();

    private ValidationOutcome validate(String fixture) {
        return validator.validate(MessageType.AGENCY_REPORT, Fixtures.json("agency-report/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-inspection-report.json", "valid-assessment-report-without-files.json"})
    void acceptsReportsOfInspectionsAndAssessments(String fixture) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(((AgencyReport) outcome.filing()).agency().approvalNumber()).isEqualTo("TS7110001-2027");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "inspected-in-future.json,               DATE_IN_FUTURE,               /source/date",
        "unit-uscc-bad-check-char.json,          USCC_CHECKSUM,                /unitUscc",
        "attachment-not-base64.json,             ATTACHMENT_NOT_BASE64,        /attachments/0/contentBase64",
        "other-failing-without-description.json, FAILING_DESCRIPTION_REQUIRED, /failings/0/description",
        "region-code-hong-kong.json,             REGION_OUTSIDE_SUPERVISION,   /regionCode",
    })
    void refusesWhatIsWrongWithItsOwnCode(String fixture, ErrorCode code, String pointer) {
        assertThat(validate(fixture).errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }
}
