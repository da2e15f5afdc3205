package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.shared.ErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The format of each identity document a person may file with ({@link IdType}). Plain Java, thread-safe.
 *
 * <ul>
 *   <li>{@code RESIDENT_ID}: GB 11643 ({@link IdNumbers});
 *   <li>{@code FOREIGNER_PERMANENT_RESIDENT}: the 2023 form, 18 characters opening {@code 9} with a birth date at
 *       characters 7–14 and the GB 11643 check character; or the older form, 3 letters (an ISO 3166-1 alpha-3
 *       nationality) + 2 digits + a birth date {@code yyMMdd} + 4 digits;
 *   <li>{@code HMT_RESIDENCE_PERMIT}: GB 11643 structure with region {@code 810000}, {@code 820000} or {@code 830000};
 *   <li>{@code HK_MACAO_PERMIT}: {@code H} or {@code M} and 8 digits, or 10 on newer cards;
 *   <li>{@code TAIWAN_PERMIT}: 8 digits;
 *   <li>{@code PASSPORT}: 5 to 17 capital letters and digits, at least one digit (ICAO 9303 numbers vary by state).
 * </ul>
 */
final class IdentityDocuments {

    private static final Pattern PERMANENT_RESIDENCE_18 = Pattern.compile("9[0-9]{16}[0-9X]");
    private static final Pattern PERMANENT_RESIDENCE_15 = Pattern.compile("([A-Z]{3})[0-9]{2}([0-9]{6})[0-9]{4}");
    private static final Pattern RESIDENCE_PERMIT = Pattern.compile("(810000|820000|830000)[0-9]{11}[0-9X]");
    private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM]([0-9]{8}|[0-9]{10})");
    private static final Pattern TAIWAN_PERMIT = Pattern.compile("[0-9]{8}");
    private static final Pattern PASSPORT = Pattern.compile("(?=[A-Z]*[0-9])[A-Z0-9]{5,17}");

    /** ISO 3166-1 alpha-3 codes, as the JDK knows them. */
    private static final Set<String> ALPHA_3 = Set.of(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)
            .toArray(String[]::new));

    private IdentityDocuments() {}

    /**
     * Checks a document number.
     *
     * @param type   the document type; null means {@link IdType#RESIDENT_ID}
     * @param number the number as filed; null is malformed
     * @param clock  "today" for birth dates (Beijing time)
     * @return the type's format or checksum code; empty when valid
     */
    public static Optional<ErrorCode> check(IdType type, String number, Clock clock) {
        return switch (IdType.orDefault(type)) {
            case RESIDENT_ID -> IdNumbers.check(number, clock);
            case FOREIGNER_PERMANENT_RESIDENT -> permanentResidence(number, clock);
            case HMT_RESIDENCE_PERMIT -> gb11643Shaped(number, RESIDENCE_PERMIT, ErrorCode.RESIDENCE_PERMIT_FORMAT,
                    ErrorCode.RESIDENCE_PERMIT_CHECKSUM, clock);
            case HK_MACAO_PERMIT -> matches(number, HK_MACAO_PERMIT, ErrorCode.HK_MACAO_PERMIT_FORMAT);
            case TAIWAN_PERMIT -> matches(number, TAIWAN_PERMIT, ErrorCode.TAIWAN_PERMIT_FORMAT);
            case PASSPORT -> matches(number, PASSPORT, ErrorCode.PASSPORT_FORMAT);
        };
    }

    /**
     * Checks a nationality: when given it must be an ISO 3166-1 alpha-3 code in capitals; a passport must give one.
     *
     * @return {@link ErrorCode#NATIONALITY_INVALID}, or empty when valid
     */
    public static Optional<ErrorCode> checkNationality(IdType type, String nationality) {
        boolean missing = nationality == null && IdType.orDefault(type) == IdType.PASSPORT;
        boolean wrong = nationality != null && !isCountry(nationality);
        return missing || wrong ? Optional.of(ErrorCode.NATIONALITY_INVALID) : Optional.empty();
    }

    /** Whether the text is an ISO 3166-1 alpha-3 code ({@code CHN}, {@code USA}, {@code HKG} …). */
    public static boolean isCountry(String code) {
        return code != null && ALPHA_3.contains(code);
    }

    private static Optional<ErrorCode> permanentResidence(String number, Clock clock) {
        if (number != null && number.length() == 15) {
            var matcher = PERMANENT_RESIDENCE_15.matcher(number);
            boolean valid = matcher.matches() && isCountry(matcher.group(1)) && realShortDate(matcher.group(2), clock);
            return valid ? Optional.empty() : Optional.of(ErrorCode.PERMANENT_RESIDENCE_ID_FORMAT);
        }
        return gb11643Shaped(number, PERMANENT_RESIDENCE_18, ErrorCode.PERMANENT_RESIDENCE_ID_FORMAT,
                ErrorCode.PERMANENT_RESIDENCE_ID_CHECKSUM, clock);
    }

    /** A number of GB 11643 structure: shape, check character, then the birth date at characters 7–14. */
    private static Optional<ErrorCode> gb11643Shaped(
            String number, Pattern shape, ErrorCode format, ErrorCode checksum, Clock clock) {
        if (number == null || !shape.matcher(number).matches()) {
            return Optional.of(format);
        }
        if (IdNumbers.checkChar(number.substring(0, 17)) != number.charAt(17)) {
            return Optional.of(checksum);
        }
        Optional<LocalDate> birth = Dates.parse(number.substring(6, 10) + "-" + number.substring(10, 12) + "-"
                + number.substring(12, 14));
        return birth.isEmpty() || Dates.isFuture(birth.get(), clock) || birth.get().getYear() < 1800
                ? Optional.of(format)
                : Optional.empty();
    }

    /** A {@code yyMMdd} birth date that is a real past day in the 1900s or the 2000s. */
    private static boolean realShortDate(String yyMMdd, Clock clock) {
        String rest = "-" + yyMMdd.substring(2, 4) + "-" + yyMMdd.substring(4, 6);
        for (String century : new String[] {"19", "20"}) {
            Optional<LocalDate> date = Dates.parse(century + yyMMdd.substring(0, 2) + rest);
            if (date.isPresent() && !Dates.isFuture(date.get(), clock)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ErrorCode> matches(String number, Pattern shape, ErrorCode format) {
        return number != null && shape.matcher(number).matches() ? Optional.empty() : Optional.of(format);
    }
}
