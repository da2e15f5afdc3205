package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.PersonnelFiling;
import java.util.Optional;

/** The personnel filings already accepted, as safety-record validation needs them. Implemented by the intake. */
public interface PersonnelDirectory {

    /**
     * The latest accepted personnel filing of a unit.
     *
     * @param unitUscc the unit's credit code, as written in the safety record (possibly invalid); never null
     * @return the filing, or empty when the unit has none on file
     */
    Optional<PersonnelFiling> latestFiling(String unitUscc);
}
