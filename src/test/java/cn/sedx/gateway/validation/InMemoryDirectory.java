package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.Unit;
import cn.sedx.gateway.model.UnitKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A directory of personnel filings held in memory, by credit code and unit kind, newest last. */
final class InMemoryDirectory implements PersonnelDirectory {

    private final Map<String, Map<UnitKind, PersonnelFiling>> byUnit = new HashMap<>();
    private final Map<String, PersonnelFiling> newest = new HashMap<>();

    /** Files a fixture's filing, under its own credit code and unit kind. */
    InMemoryDirectory file(String fixture) {
        return file(Validators.personnelFiling(fixture));
    }

    /** Files a fixture's filing as another unit kind of the same credit code (a firm that is both). */
    InMemoryDirectory fileAs(String fixture, UnitKind kind, String regionCode) {
        PersonnelFiling filing = Validators.personnelFiling(fixture);
        Unit unit = filing.unit();
        return file(new PersonnelFiling(filing.filingKind(), filing.effectiveDate(), new Unit(unit.name(),
                unit.uscc(), kind, regionCode, unit.equipmentCategories(), null, null), filing.persons()));
    }

    InMemoryDirectory file(PersonnelFiling filing) {
        byUnit.computeIfAbsent(filing.unit().uscc(), uscc -> new EnumMap<>(UnitKind.class))
                .put(filing.unit().unitKind(), filing);
        newest.put(filing.unit().uscc(), filing);
        return this;
    }

    @Override
    public Optional<PersonnelFiling> latestFiling(String unitUscc) {
        return Optional.ofNullable(newest.get(unitUscc));
    }

    @Override
    public Optional<PersonnelFiling> latestFiling(String unitUscc, UnitKind kind) {
        return Optional.ofNullable(byUnit.getOrDefault(unitUscc, Map.of()).get(kind));
    }

    @Override
    public Set<UnitKind> kindsOnFile(String unitUscc) {
        return Set.copyOf(byUnit.getOrDefault(unitUscc, Map.of()).keySet());
    }
}
