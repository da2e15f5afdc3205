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
}
