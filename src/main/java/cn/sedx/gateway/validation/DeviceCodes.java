package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 设备代码: 18 characters = 4-character 品种 code of the 特种设备目录 ({@code [1-9][0-9A-Z]{3}}: the 2014
 * catalogue has letters, e.g. {@code 4D10} 机械式停车设备, {@code 6A00} 碰碰车类, {@code 23T0} 特种气瓶) + 5-digit
 * manufacturer code (licensing region and unit number) + 4-digit year of manufacture + 5 serial characters (digits,
 * or capital letters past 99999). Older 20-digit registration codes, which also open with the 品种 code, are legacy.
 *
 * <p>The 品种 code's first digit names the category ({@code 3110} is an elevator, category {@code 3000}),
 * except that {@code 23xx} is a gas cylinder, category {@code 2300}, a chapter of its own in Orders 73/74.
 * Whether the 品种 is listed in the catalogue is {@link EquipmentCatalogue}'s to say.
 */
final class DeviceCodes {

    private static final Pattern CURRENT = Pattern.compile("[1-9][0-9A-Z]{3}[0-9]{5}([0-9]{4})[0-9A-Z]{5}");
    private static final Pattern LEGACY = Pattern.compile("[1-9][0-9]{19}");
    private static final int FIRST_YEAR = 1900;

    private DeviceCodes() {}

    /**
     * Checks a device code against the categories its holder declares.
     *
     * @param categories     the declared category codes ({@code "3000"}, …); never null
     * @param legacyAccepted whether 20-digit legacy codes are accepted
     * @return {@link ErrorCode#DEVICE_CODE_FORMAT} for a malformed code, a year of manufacture after this
     *     year, or a legacy code when those are not accepted; {@link ErrorCode#DEVICE_CODE_CATEGORY_MISMATCH}
     *     when the code's category is not declared; {@link ErrorCode#DEVICE_CODE_LEGACY} (a warning) for an
     *     accepted legacy code; empty when valid
     */
    public static Optional<ErrorCode> check(
            String code, Collection<String> categories, boolean legacyAccepted, Clock clock) {
        boolean legacy = code != null && LEGACY.matcher(code).matches();
        if (code == null || legacy && !legacyAccepted || !legacy && !isCurrent(code, clock)) {
            return Optional.of(ErrorCode.DEVICE_CODE_FORMAT);
        }
        if (!categories.contains(categoryOf(code))) {
            return Optional.of(ErrorCode.DEVICE_CODE_CATEGORY_MISMATCH);
        }
        return legacy ? Optional.of(ErrorCode.DEVICE_CODE_LEGACY) : Optional.empty();
    }

    /** The 品种 code: a device code's first four characters, or null when it is shorter. */
    public static String kindOf(String code) {
        return code == null || code.length() < 4 ? null : code.substring(0, 4);
    }

    /** The category code ({@code "3000"}, {@code "2300"}, …) named by a code's first digits; null if too short. */
    public static String categoryOf(String code) {
        if (code == null || code.length() < 2) {
            return null;
        }
        return code.startsWith("23") ? "2300" : code.charAt(0) + "000";
    }

    private static boolean isCurrent(String code, Clock clock) {
        var matcher = CURRENT.matcher(code);
        if (!matcher.matches()) {
            return false;
        }
        int year = Integer.parseInt(matcher.group(1));
        return year >= FIRST_YEAR && year <= Dates.today(clock).getYear();
    }
}
