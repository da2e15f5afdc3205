package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.UnitKind;

/**
 * The unit of a record that names it at the top level ({@code unitUscc}, {@code unitKind}, {@code regionCode}):
 * training records, rectification orders, agency reports. Checks the credit code and the region code as written, then
 * resolves the unit with {@link UnitResolver}, reporting what it found.
 */
final class RecordUnits {

    private final UnitResolver units;
    private final IdentifierChecks identifiers;

    RecordUnits(PersonnelDirectory directory, IdentifierChecks identifiers) {
        this.units = new UnitResolver(directory);
        this.identifiers = identifiers;
    }

    ResolvedUnit check(String uscc, UnitKind kind, String regionCode, Violations violations) {
        identifiers.uscc(uscc, UnitPointers.SAFETY_RECORD.uscc(), violations);
        if (regionCode != null) {
            identifiers.location(regionCode, UnitPointers.SAFETY_RECORD.regionCode(), violations);
        }
        ResolvedUnit unit = units.resolve(uscc, kind, regionCode, UnitPointers.SAFETY_RECORD);
        violations.addErrors(unit.errors());
        violations.addWarnings(unit.warnings());
        return unit;
    }
}
