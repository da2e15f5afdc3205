package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.Optional;
import java.util.Set;

/** 行政区划代码 (GB/T 2260): 6 digits, province (2) + city (2) + county (2). */
public final class RegionCodes {

    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);

    private RegionCodes() {}

    /** {@link ErrorCode#REGION_CODE_INVALID} unless 6 digits with a real province prefix; empty when valid. */
    public static Optional<ErrorCode> check(String regionCode) {
        if (regionCode == null || !regionCode.matches("[0-9]{6}")
                || !PROVINCES.contains(Integer.parseInt(regionCode.substring(0, 2)))) {
            return Optional.of(ErrorCode.REGION_CODE_INVALID);
        }
        return Optional.empty();
    }
}
