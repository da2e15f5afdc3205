package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The validator on a fixed clock and an empty personnel directory, and the sample filings as model objects. */
final class Validators {

    /** 2026-11-28 12:00 in Beijing. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);

    static final ObjectMapper MAPPER = CanonicalJson.mapper();

    static final PersonnelDirectory EMPTY_DIRECTORY = uscc -> Optional.empty();

    private Validators() {}

    static PersonnelFiling personnelFiling(String name) {
        try {
            return MAPPER.treeToValue(Fixtures.json("personnel-filing/" + name), PersonnelFiling.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FilingValidator validator() {
        return new FilingValidator(ValidationSettings.defaults(), EMPTY_DIRECTORY, CLOCK);
    }

    static FilingValidator validator(ValidationSettings settings) {
        return new FilingValidator(settings, EMPTY_DIRECTORY, CLOCK);
    }

    static FilingValidator validator(PersonnelDirectory directory) {
        return new FilingValidator(ValidationSettings.defaults(), directory, CLOCK);
    }
}
