package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.sedx.gateway.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTests {

    private static final String PUBLISHED = "11010519491231002X";

    @Test
    void acceptsThePublishedVector() {
        assertThat(IdNumbers.check(PUBLISHED, Validators.CLOCK)).isEmpty();
    }

    @Test
    void computesThePublishedCheckCharacter() {
        assertThat(IdNumbers.checkChar(PUBLISHED.substring(0, 17))).isEqualTo('X');
    }

    @Test
    void rejectsEverySingleCharacterChangeAtAllEighteenPositions() {
        String alphabet = "0123456789X";
        for (int position = 0; position < 18; position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == PUBLISHED.charAt(position)) {
                    continue;
                }
                String changed = PUBLISHED.substring(0, position) + replacement + PUBLISHED.substring(position + 1);
                assertThat(IdNumbers.check(changed, Validators.CLOCK)).as(changed).isPresent();
            }
        }
    }

    @Test
    void reportsAWrongCheckCharacterAsChecksum() {
        assertThat(IdNumbers.check("110105194912310021", Validators.CLOCK)).contains(ErrorCode.ID_NUMBER_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002x", "1101051949123100X2", "11010519491231002XX"})
    void reportsMalformedNumbersAsFormat(String idNumber) {
        assertThat(IdNumbers.check(idNumber, Validators.CLOCK)).contains(ErrorCode.ID_NUMBER_FORMAT);
    }

    @Test
    void reportsNullAsFormat() {
        assertThat(IdNumbers.check(null, Validators.CLOCK)).contains(ErrorCode.ID_NUMBER_FORMAT);
    }

    @Test
    void rejectsABirthDateThatIsNotARealDate() {
        String first17 = "11010519490230002";
        assertThat(IdNumbers.check(first17 + IdNumbers.checkChar(first17), Validators.CLOCK))
                .contains(ErrorCode.ID_NUMBER_BIRTH_DATE);
    }

    @Test
    void rejectsABirthDateAfterToday() {
        String tomorrow = "11010520261129002";
        assertThat(IdNumbers.check(tomorrow + IdNumbers.checkChar(tomorrow), Validators.CLOCK))
                .contains(ErrorCode.ID_NUMBER_BIRTH_DATE);
    }

    @Test
    void acceptsABirthDateOfTodayInBeijing() {
        String today = "11010520261128002";
        assertThat(IdNumbers.check(today + IdNumbers.checkChar(today), Validators.CLOCK)).isEmpty();
    }

    @Test
    void refusesToComputeACheckCharacterForTheWrongInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.checkChar("1101051949123100"));
    }
}
