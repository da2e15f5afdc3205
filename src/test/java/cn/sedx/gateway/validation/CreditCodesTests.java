package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTests {

    private static final String PUBLISHED = "91350100M000100Y43";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void acceptsThePublishedVector() {
        assertThat(CreditCodes.check(PUBLISHED)).isEmpty();
    }

    @Test
    void computesThePublishedCheckCharacter() {
        assertThat(CreditCodes.checkChar(PUBLISHED.substring(0, 17))).isEqualTo('3');
    }

    @Test
    void rejectsEverySingleCharacterChangeAtAllEighteenPositions() {
        String candidates = ALPHABET + "IOSVZa";
        for (int position = 0; position < 18; position++) {
            for (char replacement : candidates.toCharArray()) {
                if (replacement == PUBLISHED.charAt(position)) {
                    continue;
                }
                String changed = PUBLISHED.substring(0, position) + replacement + PUBLISHED.substring(position + 1);
                assertThat(CreditCodes.check(changed)).as(changed).isPresent();
            }
        }
    }

    @Test
    void reportsAWrongCheckCharacterAsChecksum() {
        assertThat(CreditCodes.check("91350100M000100Y44")).contains(ErrorCode.USCC_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100M00010OY43", "913A0100M000100Y43"})
    void reportsMalformedCodesAsFormat(String uscc) {
        assertThat(CreditCodes.check(uscc)).contains(ErrorCode.USCC_FORMAT);
    }

    @Test
    void readsTheRegionDigits() {
        assertThat(CreditCodes.regionDigits(PUBLISHED)).isEqualTo("350100");
        assertThat(CreditCodes.regionDigits("9135")).isNull();
    }
}
