package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.Violation;
import java.util.List;

/**
 * What validation found in one filing.
 *
 * @param errors        every violation that refuses the filing; empty when valid
 * @param warnings      violations recorded with an accepted filing (e.g. PERSON_ROLE_NOT_ON_FILE); never null
 * @param filing        the typed model record ({@code PersonnelFiling}, {@code SafetyRecord} or
 *     {@code YearEndReport}); null when the body failed its schema
 * @param unitUscc      the unit's credit code ({@code unit.uscc}, {@code unitUscc} or {@code issuer.uscc}) as
 *     written, even when invalid; null when absent
 * @param regionCode    where the unit is: {@code unit.regionCode}; for a safety record its {@code regionCode}, else
 *     the region of the unit's personnel filing on file, else the credit code's characters 3–8;
 *     {@code issuer.regionCode} for a report; as written; null when absent
 * @param unitKind      the unit kind: {@code unit.unitKind}; for a safety record its {@code unitKind}, else that of
 *     the unit's filing on file; null for a report or when unknown
 * @param regionPointer where in the body {@code regionCode} comes from (for a jurisdiction refusal)
 */
public record ValidationOutcome(
        List<Violation> errors,
        List<Violation> warnings,
        Object filing,
        String unitUscc,
        String regionCode,
        UnitKind unitKind,
        String regionPointer) {

    public ValidationOutcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        regionPointer = regionPointer == null ? "" : regionPointer;
    }

    /** An outcome that names no unit kind and no region pointer (the form before issue 13). */
    public ValidationOutcome(
            List<Violation> errors, List<Violation> warnings, Object filing, String unitUscc, String regionCode) {
        this(errors, warnings, filing, unitUscc, regionCode, null, "");
    }

    /** Whether the filing may be accepted (it has no errors; it may have warnings). */
    public boolean valid() {
        return errors.isEmpty();
    }
}
