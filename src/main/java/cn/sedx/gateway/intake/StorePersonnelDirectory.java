package cn.sedx.gateway.intake;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.model.CanonicalJson;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.validation.PersonnelDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The personnel filings on file, read from the message store for safety-record validation: by credit code, and by
 * credit code and unit kind (the store's {@code unit_kind} column).
 */
@Component
class StorePersonnelDirectory implements PersonnelDirectory {

    private static final Logger log = LoggerFactory.getLogger(StorePersonnelDirectory.class);

    private final MessageStore store;
    private final ObjectMapper mapper = CanonicalJson.mapper();

    StorePersonnelDirectory(MessageStore store) {
        this.store = store;
    }

    @Override
    public Optional<PersonnelFiling> latestFiling(String unitUscc) {
        return store.latestPayload(MessageType.PERSONNEL_FILING, unitUscc).flatMap(this::read);
    }

    @Override
    public Optional<PersonnelFiling> latestFiling(String unitUscc, UnitKind kind) {
        return store.latestPayload(MessageType.PERSONNEL_FILING, unitUscc, kind.name()).flatMap(this::read);
    }

    @Override
    public Set<UnitKind> kindsOnFile(String unitUscc) {
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        store.unitKinds(MessageType.PERSONNEL_FILING, unitUscc).forEach(kind -> kinds.add(UnitKind.valueOf(kind)));
        return kinds;
    }

    private Optional<PersonnelFiling> read(byte[] payload) {
        try {
            return Optional.of(mapper.readValue(payload, PersonnelFiling.class));
        } catch (IOException e) {
            // accepted filings were validated against the same model; one that no longer binds is logged, not fatal
            log.warn("a stored personnel filing no longer binds to the model: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
