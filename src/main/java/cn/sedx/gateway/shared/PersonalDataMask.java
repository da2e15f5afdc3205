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
    // 港澳居民来往内地通行证 H/M + 8 or 10 digits; passports of one or two letters + 7 to 9 digits; the old
    // 外国人永久居留身份证 of three letters + 12 digits
    private static final Pattern LETTERED_DOCUMENT = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{1,3})(\\d{2})(\\d{3,8})(\\d{2})(?!\\d)");

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
        return replace(LETTERED_DOCUMENT, masked,
                m -> m.group(1) + m.group(2) + "*".repeat(m.group(3).length()) + m.group(4));
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
}
