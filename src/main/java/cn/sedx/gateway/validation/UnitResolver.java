package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.validation.ResolvedUnit.RegionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the unit a record is about, and where it is. A unit is (credit code, unit kind); its region is where the
 * unit is, not where its credit code was issued:
 *
 * <ol>
 *   <li>the unit kind is the one the record names; else, when the credit code has filings of one kind only, that
 *       kind; filings of several kinds and none named is UNIT_KIND_REQUIRED;
 *   <li>the region is the record's own region code; else the {@code unit.regionCode} of the unit's latest personnel
 *       filing; only then the credit code's characters 3–8, with a REGION_FROM_CREDIT_CODE warning.
 * </ol>
 *
 * Plain Java and thread-safe; record types of later issues (training records, rectification orders, agency reports)
 * use it the same way. Checking the record's own region code is {@code IdentifierChecks.location}'s job.
 */
final class UnitResolver {

    private final PersonnelDirectory directory;

    public UnitResolver(PersonnelDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * @param uscc           the credit code as written; never null
     * @param declaredKind   the unit kind the record names, or null
     * @param declaredRegion the region code the record names, or null
     * @param at             where the three sit in the record
     */
    public ResolvedUnit resolve(String uscc, UnitKind declaredKind, String declaredRegion, UnitPointers at) {
        List<Violation> errors = new ArrayList<>();
        UnitKind kind = declaredKind;
        Optional<PersonnelFiling> forRegion = Optional.empty();
        if (kind == null) {
            Set<UnitKind> kinds = directory.kindsOnFile(uscc);
            if (kinds.size() == 1) {
                kind = kinds.iterator().next();
            } else if (kinds.size() > 1) {
                Set<String> names = new TreeSet<>(kinds.stream().map(Enum::name).toList());
                errors.add(Violation.of(ErrorCode.UNIT_KIND_REQUIRED, at.unitKind(),
                        "该代码已有 " + names + " 单位的人员信息，请注明 unitKind",
                        "the credit code has personnel filings as " + names + ": name the unitKind"));
                forRegion = directory.latestFiling(uscc);
            }
        }
        Optional<PersonnelFiling> filing = kind == null ? Optional.empty() : directory.latestFiling(uscc, kind);
        if (filing.isPresent()) {
            forRegion = filing;
        }
        List<Violation> warnings = new ArrayList<>();
        if (declaredRegion != null) {
            return new ResolvedUnit(uscc, kind, filing.orElse(null), declaredRegion, RegionSource.RECORD,
                    at.regionCode(), errors, warnings);
        }
        if (forRegion.isPresent()) {
            return new ResolvedUnit(uscc, kind, filing.orElse(null), forRegion.get().unit().regionCode(),
                    RegionSource.FILING, at.uscc(), errors, warnings);
        }
        String digits = CreditCodes.regionDigits(uscc);
        if (digits != null) {
            warnings.add(Violation.of(ErrorCode.REGION_FROM_CREDIT_CODE, at.regionCode(),
                    "未填 regionCode 且该单位无人员信息在案，所在地暂按信用代码登记地 " + digits,
                    "no regionCode and no personnel filing on file: region taken as " + digits
                            + ", where the credit code was issued"));
        }
        return new ResolvedUnit(uscc, kind, null, digits, RegionSource.CREDIT_CODE, at.uscc(), errors, warnings);
    }
}
