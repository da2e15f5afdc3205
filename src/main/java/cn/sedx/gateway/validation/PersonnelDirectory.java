package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.UnitKind;
import java.util.Optional;
import java.util.Set;

/**
 * The personnel filings already accepted, as the validation of records about a unit needs them. Implemented by the
 * intake over the message store. A unit is a credit code and a unit kind: one firm may be a production unit and a
 * use unit at once, with a filing for each. Implementations must be thread-safe.
 */
public interface PersonnelDirectory {

    /**
     * The latest accepted personnel filing of a credit code, whatever its unit kind.
     *
     * @param unitUscc the unit's credit code, as written in the record (possibly invalid); never null
     * @return the filing, or empty when the credit code has none on file
     */
    Optional<PersonnelFiling> latestFiling(String unitUscc);

    /**
     * The latest accepted personnel filing of the unit of this kind. The default reads {@link #latestFiling(String)},
     * which suits a directory that holds one filing per credit code.
     *
     * @return the filing, or empty when the unit of this kind has none on file
     */
    default Optional<PersonnelFiling> latestFiling(String unitUscc, UnitKind kind) {
        return latestFiling(unitUscc).filter(filing -> filing.unit().unitKind() == kind);
    }

    /** The unit kinds the credit code has accepted personnel filings of; empty when none. */
    default Set<UnitKind> kindsOnFile(String unitUscc) {
        return latestFiling(unitUscc).map(filing -> Set.of(filing.unit().unitKind())).orElse(Set.of());
    }
}
