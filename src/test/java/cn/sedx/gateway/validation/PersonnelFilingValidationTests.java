package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnelFilingValidationTests {

    private final FilingValidator validator = Validators.validator();

    private ValidationOutcome validate(String fixture) {
        return validator.validate(MessageType.PERSONNEL_FILING, Fixtures.json("personnel-filing/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-use-unit.json", "valid-production-unit.json", "valid-filling-unit.json",
            "valid-use-unit-director-also-officer.json"})
    void acceptsValidFilings(String fixture) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.filing()).isInstanceOf(PersonnelFiling.class);
    }

    @Test
    void givesTheUnitsCreditCodeAndRegion() {
        ValidationOutcome outcome = validate("valid-use-unit.json");

        assertThat(outcome.unitUscc()).isEqualTo("91440106MA59ABCDEX");
        assertThat(outcome.regionCode()).isEqualTo("440106");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "missing-unit-name.json,                SCHEMA_VIOLATION,              /unit/name",
        "unknown-field.json,                    SCHEMA_VIOLATION,              /unit/website",
        "appointed-on-not-a-date.json,          DATE_INVALID,                  /persons/1/appointedOn",
        "id-number-bad-check-digit.json,        ID_NUMBER_CHECKSUM,            /persons/0/idNumber",
        "id-number-malformed.json,              ID_NUMBER_FORMAT,              /persons/0/idNumber",
        "id-number-future-birth-date.json,      ID_NUMBER_BIRTH_DATE,          /persons/0/idNumber",
        "uscc-bad-check-char.json,              USCC_CHECKSUM,                 /unit/uscc",
        "uscc-forbidden-letter.json,            USCC_FORMAT,                   /unit/uscc",
        "region-code-bad-province.json,         REGION_CODE_INVALID,           /unit/regionCode",
        "mobile-invalid.json,                   MOBILE_INVALID,                /persons/0/mobile",
        "device-code-malformed.json,            DEVICE_CODE_FORMAT,            /persons/2/responsibleDeviceCodes/1",
        "device-code-category-mismatch.json,    DEVICE_CODE_CATEGORY_MISMATCH, /persons/2/responsibleDeviceCodes/1",
        "principal-missing.json,                PRINCIPAL_COUNT,               /persons",
        "two-principals.json,                   PRINCIPAL_COUNT,               /persons/4/role",
        "director-missing.json,                 DIRECTOR_MISSING,              /persons",
        "officer-missing-for-category.json,     OFFICER_MISSING_FOR_CATEGORY,  /unit/equipmentCategories/1",
        "device-with-two-officers.json,         DEVICE_OFFICER_NOT_UNIQUE,     /persons/3/responsibleDeviceCodes/1",
        "device-held-by-director.json,          DEVICE_HOLDER_NOT_OFFICER,     /persons/1/responsibleDeviceCodes/0",
        "role-not-for-unit-kind.json,           ROLE_NOT_FOR_UNIT_KIND,        /persons/3/role",
        "director-also-officer-production-unit.json, CONCURRENT_ROLES_PROHIBITED, /persons/3/role",
        "licence-numbers-on-use-unit.json,      FIELD_NOT_FOR_UNIT_KIND,       /unit/licenceNumbers",
        "use-registration-numbers-on-production-unit.json, FIELD_NOT_FOR_UNIT_KIND, /unit/useRegistrationNumbers",
    })
    void reportsTheDefectWithItsCodeAndPointer(String fixture, ErrorCode code, String pointer) {
        ValidationOutcome outcome = validate(fixture);

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
        assertThat(outcome.valid()).isFalse();
    }

    @Test
    void keepsTheFilingNullWhenTheSchemaFails() {
        assertThat(validate("missing-unit-name.json").filing()).isNull();
    }

    @Test
    void collectsEveryViolationNotJustTheFirst() {
        ValidationOutcome outcome = validate("several-defects.json");

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer).containsExactlyInAnyOrder(
                tuple(ErrorCode.REGION_CODE_INVALID, "/unit/regionCode"),
                tuple(ErrorCode.ID_NUMBER_CHECKSUM, "/persons/0/idNumber"),
                tuple(ErrorCode.MOBILE_INVALID, "/persons/0/mobile"),
                tuple(ErrorCode.DIRECTOR_MISSING, "/persons"));
    }

    @Test
    void acceptsALegacyDeviceCodeWithAWarning() {
        ValidationOutcome outcome = validate("device-code-legacy.json");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.DEVICE_CODE_LEGACY, "/persons/2/responsibleDeviceCodes/1"));
    }

    @Test
    void refusesALegacyDeviceCodeWhenConfiguredTo() {
        var settings = new ValidationSettings(null, null, null, false);

        ValidationOutcome outcome = Validators.validator(settings).validate(MessageType.PERSONNEL_FILING,
                Fixtures.json("personnel-filing/device-code-legacy.json"));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.DEVICE_CODE_FORMAT, "/persons/2/responsibleDeviceCodes/1"));
    }

    @Test
    void takesProhibitedConcurrentRolesFromTheSettings() {
        var pair = new ValidationSettings.RolePair(Role.SAFETY_DIRECTOR, Role.SAFETY_OFFICER);
        var settings = new ValidationSettings(Map.of(UnitKind.USE, List.of(pair)), null, null, null);

        ValidationOutcome outcome = Validators.validator(settings).validate(MessageType.PERSONNEL_FILING,
                Fixtures.json("personnel-filing/valid-use-unit-director-also-officer.json"));

        assertThat(outcome.errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.CONCURRENT_ROLES_PROHIBITED, "/persons/4/role"));
    }

    @Test
    void neverShowsAFullIdNumberOrMobileInAMessage() {
        ValidationOutcome outcome = validate("several-defects.json");

        assertThat(outcome.errors()).allSatisfy(violation -> {
            assertThat(violation.messageZh()).doesNotContain("44010619750312201").doesNotContain("12345678");
            assertThat(violation.messageEn()).doesNotContain("44010619750312201");
        });
        assertThat(outcome.errors().get(1).messageZh()).contains("440106********2010");
    }
}
