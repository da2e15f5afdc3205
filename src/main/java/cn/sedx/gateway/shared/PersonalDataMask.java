package cn.sedx.gateway.shared;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identifiers wherever they appear in a text bound for a log line, an exception text, an audit
 * entry or any other view: citizen ID numbers (18 and the old 15 digits, also glued to other text as in
 * {@code ID11010519491231002X}), mainland mobiles (also written {@code +86 138-1234-5678} or {@code 0086…}),
 * and the letter-led identity documents of DOMAIN.md (外国人永久居留身份证 old form, 港澳居民来往内地通行证,
 * passports). The one place masking is defined: log converters, the audit trail and views all call it.
 */
public final class PersonalDataMask {

    // Digits not part of a longer run of digits; letters around them do not protect them.
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9])");
    private static final Pattern OLD_ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{6})(\\d{6})(\\d{3})(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d+])((?:\\+|00)?86[ -]?)?(1[3-9]\\d)([ -]?)(\\d{4})([ -]?)(\\d{4})(?!\\d)");

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

    /** Masks every personal identifier found in free text; null stays null. */
    public static String text(String text) {
        if (text == null || !hasSevenDigits(text)) {
            return text;
        }
        String masked = replace(ID_NUMBER, text, m -> m.group(1) + "********" + m.group(3));
        masked = replace(OLD_ID_NUMBER, masked, m -> m.group(1) + "******" + m.group(3));
        masked = replace(MOBILE, masked, m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + m.group(3)
                + "****" + m.group(5) + m.group(6));
        return otherDocuments(masked);
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(with.apply(m))) : text;
    }

    /** Whether {@code text} holds seven ASCII digits: nothing with fewer is masked, so most texts skip the rest. */
    private static boolean hasSevenDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < 7; i++) {
            char c = text.charAt(i);
            digits += c >= '0' && c <= '9' ? 1 : 0;
        }
        return digits >= 7;
    }

    // ---- issue 13: identity documents other than the resident ID (the 18-character ones, 外国人永久居留身份证
    // 2023 and 港澳台居民居住证, already match ID_NUMBER above) ----

    // 外国人永久居留身份证, 15-character form: 3 letters (nationality) + 12 digits
    private static final Pattern PERMANENT_RESIDENCE_15 =
            Pattern.compile("(?<![0-9A-Za-z])([A-Z]{3})(\\d{8})(\\d{4})(?![0-9A-Za-z])");
    // 港澳居民来往内地通行证 (H/M + 8 or 10 digits) and passports of the 1–2 letters + 7–9 digits shape (E12345678,
    // EA1234567, G12345678); upper case only, so lower-case hex of message ids is never touched
    private static final Pattern LETTERS_AND_DIGITS =
            Pattern.compile("(?<![0-9A-Za-z])([A-Z]{1,2})(\\d{5,8})(\\d{2})(?![0-9A-Za-z])");

    /**
     * A document number other than an 18-character ID-shaped one, masked: numbers of up to 6 characters become all
     * {@code *}; longer ones keep their first and last two characters ({@code H12345678} → {@code H1*****78}).
     * Null stays null.
     */
    public static String documentNumber(String number) {
        if (number == null || number.length() <= 6) {
            return number == null ? null : "*".repeat(number.length());
        }
        return number.substring(0, 2) + "*".repeat(number.length() - 4) + number.substring(number.length() - 2);
    }

    /**
     * Masks the other document numbers recognisable in free text. 8-digit 台湾居民来往大陆通行证 numbers are not
     * recognisable among dates and serials; the gateway masks them where it knows the field (docs/security.md).
     */
    private static String otherDocuments(String text) {
        String masked = PERMANENT_RESIDENCE_15.matcher(text).replaceAll(m -> m.group(1) + "********" + m.group(3));
        return LETTERS_AND_DIGITS.matcher(masked)
                .replaceAll(m -> m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
    }
    // ---- end of issue 13 ----
}
