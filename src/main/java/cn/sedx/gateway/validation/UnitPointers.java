package cn.sedx.gateway.validation;

/**
 * Where a record names its unit: the credit code, the optional unit kind and the optional region code.
 *
 * @param uscc       the pointer of the credit code, e.g. {@code /unitUscc}
 * @param unitKind   the pointer of the unit kind, e.g. {@code /unitKind}
 * @param regionCode the pointer of the region code, e.g. {@code /regionCode}
 */
record UnitPointers(String uscc, String unitKind, String regionCode) {

    /** The top-level fields of a safety record: {@code /unitUscc}, {@code /unitKind}, {@code /regionCode}. */
    public static final UnitPointers SAFETY_RECORD = new UnitPointers("/unitUscc", "/unitKind", "/regionCode");
}
