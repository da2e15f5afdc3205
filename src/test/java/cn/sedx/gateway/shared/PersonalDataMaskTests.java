package cn.sedx.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class PersonalDataMaskTests {

    @Test
    void masksTheMiddleOfAnIdNumber() {
        assertThat(PersonalDataMask.idNumber("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void masksTheMiddleOfAMobile() {
        assertThat(PersonalDataMask.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void masksEveryIdAndMobileInFreeTextButLeavesOtherNumbers() {
        String text = "person 11010519491231002X, 440106199001011234 tel 13812345678 order 2026112800001 uscc "
                + "91350100M000100Y43";

        assertThat(PersonalDataMask.text(text)).isEqualTo("person 110105********002X, 440106********1234 tel "
                + "138****5678 order 2026112800001 uscc 91350100M000100Y43");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logLinesNeverCarryAFullIdNumberOrMobile(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataMaskTests.class)
                .warn("refused person {} reachable at {}", "11010519491231002X", "13812345678");

        assertThat(output.getAll()).contains("110105********002X", "138****5678")
                .doesNotContain("11010519491231002X", "13812345678");
    }

    // ---- issue 13: identity documents other than the resident ID ----

    @Test
    void masksDocumentNumbersKeepingAtMostTwoCharactersAtEachEnd() {
        assertThat(PersonalDataMask.documentNumber("H12345678")).isEqualTo("H1*****78");
        assertThat(PersonalDataMask.documentNumber("12345678")).isEqualTo("12****78");
        assertThat(PersonalDataMask.documentNumber("E1234")).isEqualTo("*****");
        assertThat(PersonalDataMask.documentNumber(null)).isNull();
    }

    @Test
    void masksPermitsPassportsAndPermanentResidenceCardsInFreeText() {
        String text = "permit H12345678, card M1234567890, passport E12345678 and EA1234567, residence "
                + "USA448506120011, 2023 card 944840198506120013; order W48 2026-W48 uscc 91440106MA59ABCDEX "
                + "message 3f2a9c1e-0b7d-4e5f-8a6b-1c2d3e4f5a6b certificate TS0844010620230001";

        assertThat(PersonalDataMask.text(text)).isEqualTo("permit H******78, card M********90, passport "
                + "E******78 and EA*****67, residence USA********0011, 2023 card 944840********0013; order W48 "
                + "2026-W48 uscc 91440106MA59ABCDEX message 3f2a9c1e-0b7d-4e5f-8a6b-1c2d3e4f5a6b certificate "
                + "TS0844010620230001");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logLinesNeverCarryAFullPermitOrPassportNumber(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataMaskTests.class)
                .warn("refused holder of {} and {}", "H12345678", "USA448506120011");

        assertThat(output.getAll()).contains("H******78", "USA********0011")
                .doesNotContain("H12345678", "USA448506120011");
    }
    // ---- end of issue 13 ----
}
