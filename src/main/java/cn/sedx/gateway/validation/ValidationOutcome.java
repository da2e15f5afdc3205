package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.Violation;
import java.util.List;

/**
 * What validation found in one filing.
 *
 * @param errors    every violation that refuses the filing; empty when valid
 * @param warnings  violations recorded with an accepted filing (e.g. PERSON_ROLE_NOT_ON_FILE); never null
 * @param filing    the typed model record ({@code PersonnelFiling}, {@code SafetyRecord} or
 *     {@code YearEndReport}); null when the body failed its schema
 * @param unitUscc  the unit's credit code ({@code unit.uscc}, {@code unitUscc} or {@code issuer.uscc}) as
 *     written, even when invalid; null when absent
 * @param regionCode the region ({@code unit.regionCode}; for a safety record the 6 region digits of the
 *     credit code; {@code issuer.regionCode} for a report) as written; null when absent
 */
public record ValidationOutcome(
        List<Violation> errors, List<Violation> warnings, Object filing, String unitUscc, String regionCode) {

    public ValidationOutcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the filing may be accepted (it has no errors; it may have warnings). */
    public boolean valid() {
        return errors.isEmpty();
    }
}
