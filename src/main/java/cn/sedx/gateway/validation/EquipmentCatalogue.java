package cn.sedx.gateway.validation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 特种设备目录 (2014 catalogue, 质检总局2014年第114号公告) as data: category (种类, {@code X000}), class (类别,
 * {@code XY00}) and kind (品种, {@code XYZ0}) codes with their Chinese names, from
 * {@code reference/equipment-catalogue.tsv} (its source is named in that file and in the README beside it). Loaded
 * once; immutable and thread-safe.
 */
public final class EquipmentCatalogue {

    private static final Pattern CODE = Pattern.compile("[1-9][0-9A-Z]{3}");
    private static final EquipmentCatalogue STANDARD =
            new EquipmentCatalogue(TsvTable.load("/reference/equipment-catalogue.tsv", CODE));

    private final Map<String, String> names;

    private EquipmentCatalogue(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The catalogue shipped with the gateway. */
    public static EquipmentCatalogue standard() {
        return STANDARD;
    }

    /** The Chinese name of a catalogue code ({@code 3110} → 曳引驱动乘客电梯), or empty when it is not listed. */
    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code));
    }

    /**
     * Whether a device code's first four characters name a class or kind of the catalogue (a category code such as
     * {@code 3000} names no device).
     */
    public boolean isDeviceKind(String kindCode) {
        return kindCode != null && !kindCode.endsWith("000") && names.containsKey(kindCode);
    }

    /** How many codes the catalogue lists. */
    public int size() {
        return names.size();
    }
}
