package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100): registration-authority code, organisation-type code, 6 region digits,
 * 9-character entity code and a check character, over a 31-character alphabet without I, O, S, V, Z.
 */
final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {}

    /**
     * Checks a credit code.
     *
     * @return {@link ErrorCode#USCC_FORMAT} unless 18 characters of the alphabet with digits at positions
     *     3 to 8; {@link ErrorCode#USCC_CHECKSUM} when the check character is wrong; empty when valid
     */
    public static Optional<ErrorCode> check(String uscc) {
        if (uscc == null || uscc.length() != 18 || !uscc.substring(2, 8).matches("[0-9]{6}")) {
            return Optional.of(ErrorCode.USCC_FORMAT);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(uscc.charAt(i)) < 0) {
                return Optional.of(ErrorCode.USCC_FORMAT);
            }
        }
        return checkChar(uscc.substring(0, 17)) == uscc.charAt(17)
                ? Optional.empty()
                : Optional.of(ErrorCode.USCC_CHECKSUM);
    }

    /**
     * The check character for the first 17 characters of a credit code.
     *
     * @throws IllegalArgumentException unless given 17 characters of the alphabet
     */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside the GB 32100 alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The 6 region digits (characters 3 to 8) of a credit code, or null when the code is too short. */
    public static String regionDigits(String uscc) {
        return uscc == null || uscc.length() < 8 ? null : uscc.substring(2, 8);
    }
}
