package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Personnel filings real units send: letter 品种 codes, regions, identity documents, supplementary filings. */
class PersonnelFilingRealDataTests {

    private final FilingValidator validator = Validators.validator();

    private ValidationOutcome validate(String fixture) {
        return validator.validate(MessageType.PERSONNEL_FILING, Fixtures.json("personnel-filing/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-use-unit-letter-kind-device-codes.json", "valid-officer-passport.json",
            "valid-officer-foreigner-permanent-residence-2023-form.json",
            "valid-officer-foreigner-permanent-residence-15-character-form.json",
            "valid-officer-hmt-residence-permit.json", "valid-officer-hk-macao-permit.json",
            "valid-officer-taiwan-permit.json", "valid-use-unit-in-dongguan-city-without-counties.json",
            "valid-use-unit-in-bingtuan-region.json", "valid-use-unit-credit-code-issued-at-city-level.json",
            "valid-supplement-use-unit.json"})
    void acceptsWhatRealUnitsFile(String fixture) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "passport-without-nationality.json,                 NATIONALITY_INVALID,             /persons/3/nationality",
        "passport-nationality-not-iso-alpha-3.json,         NATIONALITY_INVALID,             /persons/3/nationality",
        "passport-number-malformed.json,                    PASSPORT_FORMAT,                 /persons/3/idNumber",
        "foreigner-permanent-residence-bad-check-char.json, PERMANENT_RESIDENCE_ID_CHECKSUM, /persons/3/idNumber",
        "foreigner-permanent-residence-malformed.json,      PERMANENT_RESIDENCE_ID_FORMAT,   /persons/3/idNumber",
        "hmt-residence-permit-not-hmt-region.json,          RESIDENCE_PERMIT_FORMAT,         /persons/3/idNumber",
        "hmt-residence-permit-bad-check-char.json,          RESIDENCE_PERMIT_CHECKSUM,       /persons/3/idNumber",
        "hk-macao-permit-malformed.json,                    HK_MACAO_PERMIT_FORMAT,          /persons/3/idNumber",
        "taiwan-permit-malformed.json,                      TAIWAN_PERMIT_FORMAT,            /persons/3/idNumber",
        "region-code-hong-kong.json,                        REGION_OUTSIDE_SUPERVISION,      /unit/regionCode",
        "supplement-without-numbers.json,                   SUPPLEMENT_NUMBERS_MISSING,      /unit/useRegistrationNumbers",
        "device-code-letter-kind-category-mismatch.json,    DEVICE_CODE_CATEGORY_MISMATCH,   /persons/2/responsibleDeviceCodes/1",
    })
    void refusesWhatIsWrongWithItsOwnCode(String fixture, ErrorCode code, String pointer) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "region-code-unknown-county.json,       REGION_CODE_UNKNOWN, /unit/regionCode",
        "device-code-kind-not-in-catalogue.json, DEVICE_KIND_UNKNOWN, /persons/2/responsibleDeviceCodes/1",
    })
    void acceptsWhatTheTablesDoNotKnowWithAWarning(String fixture, ErrorCode code, String pointer) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @Test
    void refusesTheBingtuanPrefixWhenConfiguredTo() {
        ValidationSettings settings = new ValidationSettings(null, null, null, null, false, null, null, null, null);

        ValidationOutcome outcome = Validators.validator(settings).validate(MessageType.PERSONNEL_FILING,
                Fixtures.json("personnel-filing/valid-use-unit-in-bingtuan-region.json"));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.REGION_CODE_INVALID, "/unit/regionCode"));
    }

    @Test
    void takesTheRegionFromTheUnitNotFromItsCreditCode() {
        ValidationOutcome outcome = validate("valid-use-unit-credit-code-issued-at-city-level.json");

        assertThat(outcome.unitUscc().substring(2, 8)).isEqualTo("440100");
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.regionPointer()).isEqualTo("/unit/regionCode");
    }

    @Test
    void bindsTheDocumentTypeAndNationality() {
        PersonnelFiling filing = (PersonnelFiling) validate("valid-officer-passport.json").filing();

        assertThat(filing.persons().get(3).idType()).isEqualTo(IdType.PASSPORT);
        assertThat(filing.persons().get(3).nationality()).isEqualTo("USA");
        assertThat(filing.persons().get(0).idType()).isNull();
        assertThat(filing.persons().get(0).documentType()).isEqualTo(IdType.RESIDENT_ID);
    }

    @Test
    void masksEveryDocumentNumberInItsMessage() {
        assertThat(validate("foreigner-permanent-residence-bad-check-char.json").errors().get(0).messageZh())
                .contains("944840********0010").doesNotContain("944840198506120010");
        assertThat(validate("hk-macao-permit-malformed.json").errors().get(0).messageEn())
                .contains("K1*****78").doesNotContain("K12345678");
        assertThat(validate("taiwan-permit-malformed.json").errors().get(0).messageEn())
                .doesNotContain("1234567");
    }

    @ParameterizedTest
    @CsvSource({"HK_MACAO_PERMIT, true", "PASSPORT, false"})
    void takesOnePersonToBeOneDocumentTypeAndNumber(String officerDocument, boolean samePerson) {
        ObjectNode body = (ObjectNode) Fixtures.json("personnel-filing/director-also-officer-production-unit.json");
        ((ObjectNode) body.get("persons").get(1)).put("idType", "HK_MACAO_PERMIT").put("idNumber", "H12345678");
        ((ObjectNode) body.get("persons").get(3)).put("idType", officerDocument).put("idNumber", "H12345678")
                .put("nationality", "HKG");

        ValidationOutcome outcome = validator.validate(MessageType.PERSONNEL_FILING, body);

        assertThat(outcome.errors()).extracting(Violation::code).containsExactlyElementsOf(samePerson
                ? List.of(ErrorCode.CONCURRENT_ROLES_PROHIBITED)
                : List.of());
    }
}
