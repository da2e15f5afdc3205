package cn.sedx.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ID11010519491231002X               | ID110105********002X",
        "身份证号11010519491231002X已登记     | 身份证号110105********002X已登记",
        "id=11010519491231002Xend           | id=110105********002Xend",
        "+8613812345678                     | +86138****5678",
        "tel:+86 138 1234 5678              | tel:+86 138 **** 5678",
        "0086-138-1234-5678                 | 0086-138-****-5678",
        "86 13812345678                     | 86 138****5678",
        "mobile13812345678                  | mobile138****5678",
        "old id 110105491231002 here        | old id 110105******002 here",
        "HK pass H12345678, H1234567890     | HK pass H******78, H********90",
        "passport E12345678                 | passport E******78",
        "PR ABC123456789012                 | PR ABC********9012",
    })
    void masksIdentifiersGluedToTextAndMobilesWithTheCountryCode(String text, String masked) {
        assertThat(PersonalDataMask.text(text)).isEqualTo(masked);
    }

    @Test
    void leavesDatesCodesAndShortNumbersAlone() {
        String text = "2026-11-28T01:30:00Z RFC7230 uscc 91350100M000100Y43 port 18080 device 3110440110001";

        assertThat(PersonalDataMask.text(text)).isEqualTo(text);
    }

    @Test
    void escapesLineBreaksAndControlsButKeepsTabs() {
        assertThat(LogLines.escape("a\r\nb\tc\u0000d\u001b[31me\u2028f")).isEqualTo(
                "a\\r\\nb\tc\\u0000d\\u001b[31me\\u2028f");
    }

    @Test
    void logLinesNeverCarryAFullIdNumberOrMobile(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataMaskTests.class)
                .warn("refused person {} reachable at {}", "11010519491231002X", "+8613812345678");

        assertThat(output.getAll()).contains("110105********002X", "+86138****5678")
                .doesNotContain("11010519491231002X", "13812345678");
    }

    @Test
    void inputCannotSplitALogLine(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataMaskTests.class)
                .warn("query was {}", "a\r\n2026-12-01T00:00:00Z ERROR forged-line");

        assertThat(lines(output)).noneMatch(line -> line.startsWith("2026-12-01T00:00:00Z ERROR forged-line"));
        assertThat(output.getAll()).contains("query was a\\r\\n2026-12-01T00:00:00Z ERROR forged-line");
    }

    @Test
    void stackTracesAreMaskedAndCannotBeSplitEither(CapturedOutput output) {
        Exception failure = new IllegalArgumentException("bad ID11010519491231002X\nforged-line",
                new IllegalStateException("cause with 13812345678\r\nforged-cause"));
        failure.addSuppressed(new RuntimeException("suppressed 440106199001011234"));

        LoggerFactory.getLogger(PersonalDataMaskTests.class).error("failed", failure);

        assertThat(output.getAll()).contains("ID110105********002X\\nforged-line", "138****5678\\r\\nforged-cause",
                "440106********1234", "\tat cn.sedx.gateway.shared.PersonalDataMaskTests")
                .doesNotContain("11010519491231002X", "13812345678", "440106199001011234");
        assertThat(lines(output)).noneMatch(line -> line.startsWith("forged"));
    }

    private static java.util.List<String> lines(CapturedOutput output) {
        return Arrays.asList(output.getAll().split("\\R"));
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
    void logLinesNeverCarryAFullPermitOrPassportNumber(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataMaskTests.class)
                .warn("refused holder of {} and {}", "H12345678", "USA448506120011");

        assertThat(output.getAll()).contains("H******78", "USA********0011")
                .doesNotContain("H12345678", "USA448506120011");
    }
    // ---- end of issue 13 ----
}
