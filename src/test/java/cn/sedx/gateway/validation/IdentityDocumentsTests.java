package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.shared.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The format of each identity document type, with its own code. */
class IdentityDocumentsTests {

    /** 9 + 44 (place of acceptance) + 840 (USA) + 1985-06-12 + 001, with its GB 11643 check character. */
    private static final String PERMANENT_RESIDENCE_2023 = "944840198506120013";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "RESIDENT_ID,                  11010519491231002X",
        "FOREIGNER_PERMANENT_RESIDENT, " + PERMANENT_RESIDENCE_2023,
        "FOREIGNER_PERMANENT_RESIDENT, USA448506120011",
        "FOREIGNER_PERMANENT_RESIDENT, GBR110012310123",
        "HK_MACAO_PERMIT,              H12345678",
        "HK_MACAO_PERMIT,              M1234567890",
        "TAIWAN_PERMIT,                12345678",
        "PASSPORT,                     E12345678",
        "PASSPORT,                     546512345",
        "PASSPORT,                     EA1234567",
    })
    void acceptsEachDocumentInItsOwnFormat(IdType type, String number) {
        assertThat(IdentityDocuments.check(type, number, Validators.CLOCK)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"810000", "820000", "830000"})
    void acceptsResidencePermitsOfHongKongMacaoAndTaiwan(String region) {
        String first17 = region + "19900415123";
        String number = first17 + IdNumbers.checkChar(first17);

        assertThat(IdentityDocuments.check(IdType.HMT_RESIDENCE_PERMIT, number, Validators.CLOCK)).isEmpty();
        assertThat(IdentityDocuments.check(IdType.HMT_RESIDENCE_PERMIT, "440106" + number.substring(6),
                Validators.CLOCK)).contains(ErrorCode.RESIDENCE_PERMIT_FORMAT);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "FOREIGNER_PERMANENT_RESIDENT, 944840198506120010, PERMANENT_RESIDENCE_ID_CHECKSUM",
        "FOREIGNER_PERMANENT_RESIDENT, 844840198506120013, PERMANENT_RESIDENCE_ID_FORMAT",
        "FOREIGNER_PERMANENT_RESIDENT, USA4485061200,      PERMANENT_RESIDENCE_ID_FORMAT",
        "FOREIGNER_PERMANENT_RESIDENT, XXX448506120011,    PERMANENT_RESIDENCE_ID_FORMAT",
        "FOREIGNER_PERMANENT_RESIDENT, USA448513320011,    PERMANENT_RESIDENCE_ID_FORMAT",
        "HMT_RESIDENCE_PERMIT,         440102199209202625, RESIDENCE_PERMIT_FORMAT",
        "HMT_RESIDENCE_PERMIT,         810000199004151230, RESIDENCE_PERMIT_CHECKSUM",
        "HK_MACAO_PERMIT,              K12345678,          HK_MACAO_PERMIT_FORMAT",
        "HK_MACAO_PERMIT,              H123456789,         HK_MACAO_PERMIT_FORMAT",
        "HK_MACAO_PERMIT,              h12345678,          HK_MACAO_PERMIT_FORMAT",
        "TAIWAN_PERMIT,                1234567,            TAIWAN_PERMIT_FORMAT",
        "TAIWAN_PERMIT,                T1234567,           TAIWAN_PERMIT_FORMAT",
        "PASSPORT,                     ABCDEFGHI,          PASSPORT_FORMAT",
        "PASSPORT,                     5465-12345,         PASSPORT_FORMAT",
        "PASSPORT,                     E123,               PASSPORT_FORMAT",
        "RESIDENT_ID,                  11010519491231002Y, ID_NUMBER_FORMAT",
    })
    void refusesAMalformedNumberWithItsTypesCode(IdType type, String number, ErrorCode code) {
        assertThat(IdentityDocuments.check(type, number, Validators.CLOCK)).contains(code);
    }

    @ParameterizedTest
    @NullSource
    void treatsAMissingTypeAsAResidentId(IdType type) {
        assertThat(IdentityDocuments.check(type, "11010519491231002X", Validators.CLOCK)).isEmpty();
        assertThat(IdentityDocuments.check(type, "110105194912310021", Validators.CLOCK))
                .contains(ErrorCode.ID_NUMBER_CHECKSUM);
    }

    @ParameterizedTest
    @CsvSource({"PASSPORT, USA, true", "PASSPORT, HKG, true", "FOREIGNER_PERMANENT_RESIDENT, GBR, true",
            "PASSPORT, US, false", "PASSPORT, usa, false", "PASSPORT, XYZ, false", "RESIDENT_ID, CHN, true"})
    void checksTheNationalityAgainstIsoAlpha3(IdType type, String nationality, boolean valid) {
        assertThat(IdentityDocuments.checkNationality(type, nationality).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"PASSPORT, false", "RESIDENT_ID, true", "HK_MACAO_PERMIT, true"})
    void requiresANationalityWithAPassportOnly(IdType type, boolean validWithout) {
        assertThat(IdentityDocuments.checkNationality(type, null).isEmpty()).isEqualTo(validWithout);
    }
}
