package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.Optional;
import java.util.Set;

/** 行政区划代码 (GB/T 2260): 6 digits, province (2) + city (2) + county (2). */
final class RegionCodes {

    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);

    /** Taiwan, Hong Kong and Macao: GB/T 2260 codes, but outside SAMR's special-equipment supervision. */
    private static final Set<String> OUTSIDE_SUPERVISION = Set.of("71", "81", "82");

    private RegionCodes() {}

    /** {@link ErrorCode#REGION_CODE_INVALID} unless 6 digits with a real province prefix; empty when valid. */
    public static Optional<ErrorCode> check(String regionCode) {
        if (regionCode == null || !regionCode.matches("[0-9]{6}")
                || !PROVINCES.contains(Integer.parseInt(regionCode.substring(0, 2)))) {
            return Optional.of(ErrorCode.REGION_CODE_INVALID);
        }
        return Optional.empty();
    }

    /**
     * Checks where a unit (or an issuing authority) is, against the GB/T 2260 table.
     *
     * @param acceptBingtuan whether prefix 66 (新疆生产建设兵团) is accepted
     * @return {@link ErrorCode#REGION_CODE_INVALID} unless 6 digits with a province prefix (66 only when accepted);
     *     {@link ErrorCode#REGION_OUTSIDE_SUPERVISION} for 71, 81, 82; {@link ErrorCode#REGION_CODE_UNKNOWN} (a
     *     warning) for a well-formed code missing from the table (codes change every year); empty when listed, or
     *     under an accepted 66
     */
    public static Optional<ErrorCode> checkLocation(String regionCode, RegionTable table, boolean acceptBingtuan) {
        // 66: 新疆生产建设兵团, not a GB/T 2260 prefix, but used by some systems
        boolean bingtuan = regionCode != null && regionCode.matches("66[0-9]{4}");
        if (bingtuan) {
            return acceptBingtuan ? Optional.empty() : Optional.of(ErrorCode.REGION_CODE_INVALID);
        }
        Optional<ErrorCode> shape = check(regionCode);
        if (shape.isPresent()) {
            return shape;
        }
        if (OUTSIDE_SUPERVISION.contains(regionCode.substring(0, 2))) {
            return Optional.of(ErrorCode.REGION_OUTSIDE_SUPERVISION);
        }
        return table.contains(regionCode) ? Optional.empty() : Optional.of(ErrorCode.REGION_CODE_UNKNOWN);
    }

    /**
     * The area a 6-digit code stands for, as a prefix of the codes inside it: a province's {@code 440000} is
     * {@code 44}, a city's {@code 440100} is {@code 4401}, a county's {@code 440106} is itself (an authority's region).
     * Anything not 6 digits is returned as it is.
     */
    public static String areaPrefix(String regionCode) {
        if (regionCode == null || !regionCode.matches("[0-9]{6}")) {
            return regionCode;
        }
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
    }
}
