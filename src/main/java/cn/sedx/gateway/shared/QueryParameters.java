package cn.sedx.gateway.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of query parameters that several read APIs share; each refusal is {@code 422 SCHEMA_VIOLATION} naming
 * the parameter, in Chinese and English, without echoing the value.
 */
public final class QueryParameters {

    private static final Pattern REGION_PREFIX = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private QueryParameters() {}

    /**
     * @param region a region-code prefix (province, city, county); null passes (the parameter is optional)
     * @throws SedxException SCHEMA_VIOLATION at {@code region} unless it is 2, 4 or 6 digits
     */
    public static void regionPrefix(String region) {
        if (region != null && !REGION_PREFIX.matcher(region).matches()) {
            throw invalid("region", "region 须为 2、4 或 6 位行政区划代码前缀",
                    "region must be a region-code prefix of 2, 4 or 6 digits");
        }
    }

    /** @throws SedxException SCHEMA_VIOLATION at {@code size} unless {@code page ≥ 0} and {@code 1 ≤ size ≤ max} */
    public static void page(int page, int size, int max) {
        if (page < 0 || size < 1 || size > max) {
            throw invalid("size", "页码不得为负，每页 1 至 " + max + " 条", "page must be ≥ 0 and size 1 to " + max);
        }
    }

    /** A refusal of the query parameter {@code name}: what it must be, in Chinese and English. */
    public static SedxException invalid(String name, String zh, String en) {
        return SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad " + name,
                List.of(Violation.of(ErrorCode.SCHEMA_VIOLATION, name, zh, en)));
    }
}
