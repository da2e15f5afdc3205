package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Region codes, mobile numbers, 发文字号 and dates. */
class SmallIdentifiersTests {

    @ParameterizedTest
    @ValueSource(strings = {"440106", "110105", "820000", "650102", "710000"})
    void acceptsRegionCodesWithARealProvincePrefix(String code) {
        assertThat(RegionCodes.check(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"190106", "000000", "470101", "72010", "4401061", "44010A", "99"})
    void rejectsOtherRegionCodes(String code) {
        assertThat(RegionCodes.check(code)).contains(ErrorCode.REGION_CODE_INVALID);
    }

    @ParameterizedTest
    @CsvSource({"440106, ''", "441900, ''", "442000, ''", "620200, ''", "440000, ''", "660100, ''",
            "440199, REGION_CODE_UNKNOWN", "450399, REGION_CODE_UNKNOWN", "710000, REGION_OUTSIDE_SUPERVISION",
            "810000, REGION_OUTSIDE_SUPERVISION", "820100, REGION_OUTSIDE_SUPERVISION", "190106, REGION_CODE_INVALID",
            "4401, REGION_CODE_INVALID", "66010A, REGION_CODE_INVALID"})
    void checksWhereAUnitIsAgainstTheRegionTable(String code, String expected) {
        assertThat(RegionCodes.checkLocation(code, RegionTable.standard(), true).map(Enum::name).orElse(""))
                .isEqualTo(expected);
    }

    @Test
    void refusesTheBingtuanPrefixWhenNotAccepted() {
        assertThat(RegionCodes.checkLocation("660100", RegionTable.standard(), false))
                .contains(ErrorCode.REGION_CODE_INVALID);
    }

    @ParameterizedTest
    @CsvSource({"粤市监特〔2023〕12号, 2023", "国市监特设〔2026〕1号, 2026"})
    void readsTheYearOfADocumentNumber(String number, int year) {
        assertThat(DocumentNumbers.yearOf(number)).contains(year);
        assertThat(DocumentNumbers.yearOf("粤市监特[2023]12号")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "+8615012345678"})
    void acceptsMainlandMobiles(String mobile) {
        assertThat(MobileNumbers.check(mobile)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "138001380000", "8613800138000", "+85213800138",
            "020-12345678"})
    void rejectsOtherNumbers(String mobile) {
        assertThat(MobileNumbers.check(mobile)).contains(ErrorCode.MOBILE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"粤市监特〔2023〕12号", "国市监特设〔2026〕1号", "京市监发〔2024〕108号"})
    void acceptsDocumentNumbersOfTheStandardShape(String number) {
        assertThat(DocumentNumbers.check(number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"粤市监特[2023]12号", "粤市监特(2023)12号", "粤市监特〔23〕12号", "粤市监特〔2023〕012号",
            "粤市监特〔2023〕第12号", "粤市监特〔2023〕12", "〔2023〕12号"})
    void rejectsOtherDocumentNumbers(String number) {
        assertThat(DocumentNumbers.check(number)).contains(ErrorCode.DOCUMENT_NUMBER_FORMAT);
    }

    @Test
    void parsesOnlyRealDates() {
        assertThat(Dates.parse("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(Dates.parse("2023-02-29")).isEmpty();
        assertThat(Dates.parse("2023-2-1")).isEmpty();
        assertThat(Dates.parse(null)).isEmpty();
    }

    @Test
    void takesTodayInBeijing() {
        // 2026-11-28T04:00Z is noon in Beijing; at 17:00Z it is already the next day there
        assertThat(Dates.today(Validators.CLOCK)).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(Dates.isFuture(LocalDate.of(2026, 11, 29), Validators.CLOCK)).isTrue();
        assertThat(Dates.isFuture(LocalDate.of(2026, 11, 28), Validators.CLOCK)).isFalse();
    }
}
