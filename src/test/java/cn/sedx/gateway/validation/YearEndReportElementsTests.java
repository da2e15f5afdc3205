package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 公文 elements of a year-end report: 签发人, 主送, the year in 发文字号, and figures that agree. */
class YearEndReportElementsTests {

    private final FilingValidator validator = Validators.validator();

    private ValidationOutcome validate(FilingValidator with, String fixture) {
        return with.validate(MessageType.YEAR_END_REPORT, Fixtures.json("year-end-report/" + fixture));
    }

    @Test
    void acceptsAReportWithItsSigner() {
        ValidationOutcome outcome = validate(validator, "valid-report-with-signer.json");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(((YearEndReport) outcome.filing()).signer()).isEqualTo("张明");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "main-recipients-without-samr-bureau.json,    MAIN_RECIPIENT_MISSING,        /mainRecipients",
        "document-number-year-not-issued-on-year.json, DOCUMENT_NUMBER_YEAR_MISMATCH, /documentNumber",
        "figures-fully-staffed-above-filed.json,       FIGURES_INCONSISTENT,          /figures/unitsFullyStaffed",
        "figures-mechanism-above-filed.json,           FIGURES_INCONSISTENT,          /figures/unitsWithMechanism",
    })
    void refusesAReportThatContradictsItself(String fixture, ErrorCode code, String pointer) {
        assertThat(validate(validator, fixture).errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @Test
    void requiresASignerOnlyWhenConfigured() {
        var settings = new ValidationSettings(null, null, null, null, null, null, null, null, true);

        assertThat(validate(validator, "valid-report.json").errors()).isEmpty();
        assertThat(validate(Validators.validator(settings), "valid-report.json").errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.SIGNER_MISSING, "/signer"));
        assertThat(validate(Validators.validator(settings), "valid-report-with-signer.json").errors()).isEmpty();
    }

    @Test
    void takesTheRequiredMainRecipientFromTheSettings() {
        var provincial = new ValidationSettings(null, null, null, null, null, null, null, "广东省人民政府", null);
        var unchecked = new ValidationSettings(null, null, null, null, null, null, null, "", null);

        assertThat(validate(Validators.validator(provincial), "main-recipients-without-samr-bureau.json").errors())
                .isEmpty();
        assertThat(validate(Validators.validator(provincial), "valid-report.json").errors())
                .extracting(Violation::code).containsExactly(ErrorCode.MAIN_RECIPIENT_MISSING);
        assertThat(validate(Validators.validator(unchecked), "main-recipients-without-samr-bureau.json").errors())
                .isEmpty();
    }

    @Test
    void namesTheClauseOfGbt9704ForTheDocumentNumber() {
        assertThat(validate(validator, "document-number-bad-brackets.json").errors().get(0).messageEn())
                .contains("GB/T 9704-2012 7.2.5");
    }
}
