package cn.sedx.gateway.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks citizen ID numbers and mobile numbers wherever they appear in a text bound for a log or audit entry. */
public final class PersonalDataMask {

    // An 18-char ID number or an 11-digit mainland mobile, not part of a longer run of digits.
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");

    private PersonalDataMask() {}

    /** {@code 11010519491231002X} becomes {@code 110105********002X}. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    /** {@code 13812345678} becomes {@code 138****5678}. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return mobile == null ? null : "*".repeat(mobile.length());
        }
        return mobile.substring(0, 3) + "*".repeat(mobile.length() - 7) + mobile.substring(mobile.length() - 4);
    }

    /** Masks every ID number and mobile number found in free text; null stays null. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher ids = ID_NUMBER.matcher(text);
        String masked = ids.replaceAll(m -> m.group(1) + "********" + m.group(3));
        return MOBILE.matcher(masked).replaceAll(m -> m.group(1) + "****" + m.group(3));
    }
}
