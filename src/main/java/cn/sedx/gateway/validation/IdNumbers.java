package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643): 6 region digits, 8 birth-date digits, 3 sequence digits, one check character
 * (ISO 7064 MOD 11-2, {@code X} standing for 10).
 */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private IdNumbers() {}

    /**
     * Checks an ID number.
     *
     * @return {@link ErrorCode#ID_NUMBER_FORMAT} unless 17 digits and a digit or upper-case {@code X};
     *     {@link ErrorCode#ID_NUMBER_CHECKSUM} when the check character is wrong;
     *     {@link ErrorCode#ID_NUMBER_BIRTH_DATE} when the birth date is not a real date on or before
     *     today (Beijing time at the clock's instant); empty when valid
     */
    public static Optional<ErrorCode> check(String idNumber, Clock clock) {
        if (idNumber == null || !idNumber.matches("[0-9]{17}[0-9X]")) {
            return Optional.of(ErrorCode.ID_NUMBER_FORMAT);
        }
        if (checkChar(idNumber.substring(0, 17)) != idNumber.charAt(17)) {
            return Optional.of(ErrorCode.ID_NUMBER_CHECKSUM);
        }
        String birth = idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
        Optional<LocalDate> date = Dates.parse(birth);
        if (date.isEmpty() || Dates.isFuture(date.get(), clock) || date.get().getYear() < 1800) {
            return Optional.of(ErrorCode.ID_NUMBER_BIRTH_DATE);
        }
        return Optional.empty();
    }

    /**
     * The check character for the first 17 digits of an ID number.
     *
     * @throws IllegalArgumentException unless given exactly 17 digits
     */
    public static char checkChar(String first17) {
        if (first17 == null || !first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }
}
