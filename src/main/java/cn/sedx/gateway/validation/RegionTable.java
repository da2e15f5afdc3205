package cn.sedx.gateway.validation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GB/T 2260 行政区划代码 as data: province ({@code xx0000}), city ({@code xxxx00}) and county codes with their
 * names, from {@code reference/gbt2260-regions.tsv} (its source is named in that file and in the README beside it).
 * Loaded once; immutable and thread-safe.
 */
public final class RegionTable {

    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final RegionTable STANDARD = new RegionTable(TsvTable.load("/reference/gbt2260-regions.tsv", CODE));

    private final Map<String, String> names;

    private RegionTable(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The table shipped with the gateway. */
    public static RegionTable standard() {
        return STANDARD;
    }

    /** Whether the code is listed (province, city or county). */
    public boolean contains(String code) {
        return code != null && names.containsKey(code);
    }

    /** The name of a listed code ({@code 440106} → 天河区), or empty. */
    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code));
    }

    /**
     * The names of the province, city and county a 6-digit code lies in, those that are listed, joined by spaces:
     * {@code 440106} → 广东省 广州市 天河区, {@code 441900} → 广东省 东莞市; empty when none is listed.
     */
    public String fullName(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return "";
        }
        StringBuilder full = new StringBuilder();
        String province = code.substring(0, 2) + "0000";
        String city = code.substring(0, 4) + "00";
        append(full, province);
        if (!city.equals(province)) {
            append(full, city);
        }
        if (!code.equals(city)) {
            append(full, code);
        }
        return full.toString();
    }

    private void append(StringBuilder full, String code) {
        String name = names.get(code);
        if (name != null) {
            full.append(full.isEmpty() ? "" : " ").append(name);
        }
    }

    /** Every listed code, in code order (province, its cities, their counties, then the next province). */
    public java.util.List<String> codes() {
        return names.keySet().stream().sorted().toList();
    }

    /** How many codes the table lists. */
    public int size() {
        return names.size();
    }
}
