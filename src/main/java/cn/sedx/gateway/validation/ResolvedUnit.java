package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.ResponsiblePerson;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The unit a record concerns, as {@link UnitResolver} found it.
 *
 * @param uscc          the credit code as written
 * @param kind          the unit kind: the one the record names, else that of the credit code's only filing kind on
 *     file; null when neither says
 * @param filing        the latest personnel filing of that unit (credit code and kind); null when none is on file
 * @param regionCode    where the unit is: the record's own region code, else its filing's, else the credit code's
 *     characters 3–8; null when none of them yields one
 * @param regionSource  which of the three gave the region
 * @param regionPointer where in the record the region comes from (for a jurisdiction refusal)
 * @param errors        UNIT_KIND_REQUIRED when the credit code has filings of several kinds and the record names none
 * @param warnings      REGION_FROM_CREDIT_CODE when the region came from the credit code
 */
record ResolvedUnit(
        String uscc,
        UnitKind kind,
        PersonnelFiling filing,
        String regionCode,
        RegionSource regionSource,
        String regionPointer,
        List<Violation> errors,
        List<Violation> warnings) {

    /** Where a unit's region came from, best first. */
    public enum RegionSource { RECORD, FILING, CREDIT_CODE }

    public ResolvedUnit {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** The filing on file for the unit, if any. */
    public Optional<PersonnelFiling> filingOnFile() {
        return Optional.ofNullable(filing);
    }

    /** The unit kind, if the record or the filings on file say it. */
    public Optional<UnitKind> unitKind() {
        return Optional.ofNullable(kind);
    }

    /**
     * Whether the unit's filing on file shows this person, by document type and number, in the person's role; true
     * when no filing is on file (nothing contradicts it).
     */
    public boolean showsOnFile(ResponsiblePerson person) {
        return filing == null || filing.persons().stream()
                .anyMatch(p -> p.role() == person.role() && p.documentType() == person.documentType()
                        && person.idNumber().equals(p.idNumber()));
    }
}
