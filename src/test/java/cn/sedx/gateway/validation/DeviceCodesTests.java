package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCodesTests {

    private static final List<String> ELEVATORS = List.of("3000");

    @Test
    void acceptsAnElevatorCodeForTheElevatorCategory() {
        assertThat(DeviceCodes.check("311044123201900001", ELEVATORS, true, Validators.CLOCK)).isEmpty();
    }

    @Test
    void acceptsLettersInTheSerialPast99999() {
        assertThat(DeviceCodes.check("3110441232019A0001", ELEVATORS, true, Validators.CLOCK))
                .isEmpty();
    }

    @Test
    void readsGasCylindersAsCategory2300() {
        assertThat(DeviceCodes.categoryOf("231044007202300015")).isEqualTo("2300");
        assertThat(DeviceCodes.categoryOf("211044056201800123")).isEqualTo("2000");
        assertThat(DeviceCodes.check("231044007202300015", List.of("2000"), true, Validators.CLOCK))
                .contains(ErrorCode.DEVICE_CODE_CATEGORY_MISMATCH);
        assertThat(DeviceCodes.check("231044007202300015", List.of("2300"), true, Validators.CLOCK)).isEmpty();
    }

    @Test
    void rejectsACodeOfAnUndeclaredCategory() {
        assertThat(DeviceCodes.check("411044123201900001", ELEVATORS, true, Validators.CLOCK))
                .contains(ErrorCode.DEVICE_CODE_CATEGORY_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31104412320190000", "3110441232019000012", "011044123201900001", "3110A4123201900001",
            "311044123202700001", "311044123189900001", "311044123201900a01", "3110-44123-2019-01"})
    void rejectsMalformedCodes(String code) {
        assertThat(DeviceCodes.check(code, ELEVATORS, true, Validators.CLOCK)).contains(ErrorCode.DEVICE_CODE_FORMAT);
    }

    @Test
    void acceptsALegacyCodeWithAWarning() {
        assertThat(DeviceCodes.check("31104401062019000007", ELEVATORS, true, Validators.CLOCK))
                .contains(ErrorCode.DEVICE_CODE_LEGACY);
    }

    @Test
    void refusesALegacyCodeWhenLegacyCodesAreOff() {
        assertThat(DeviceCodes.check("31104401062019000007", ELEVATORS, false, Validators.CLOCK))
                .contains(ErrorCode.DEVICE_CODE_FORMAT);
    }

    @Test
    void checksTheCategoryOfALegacyCodeToo() {
        assertThat(DeviceCodes.check("41104401062019000007", ELEVATORS, true, Validators.CLOCK))
                .contains(ErrorCode.DEVICE_CODE_CATEGORY_MISMATCH);
    }

    @ParameterizedTest
    @CsvSource({"4D1044123201900001, 4000", "4A0044123201900001, 4000", "6A0044321202100007, 6000",
            "6E4044321202100007, 6000", "23T044007202200015, 2300", "3110441232019A0001, 3000"})
    void acceptsLetterKindCodesOfTheCatalogue(String code, String category) {
        assertThat(DeviceCodes.categoryOf(code)).isEqualTo(category);
        assertThat(DeviceCodes.check(code, List.of(category), true, Validators.CLOCK)).isEmpty();
        assertThat(DeviceCodes.kindOf(code)).isEqualTo(code.substring(0, 4));
    }

    @Test
    void refusesALetterKindCodeOfAnotherCategory() {
        assertThat(DeviceCodes.check("4D1044123201900001", ELEVATORS, true, Validators.CLOCK))
                .contains(ErrorCode.DEVICE_CODE_CATEGORY_MISMATCH);
    }
}
