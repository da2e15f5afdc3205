package cn.sedx.gateway.messagestore;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration V183: on H2, drops {@code ix_audit_unsealed (seq, id)}. H2 never chooses it: it finds the unsealed audit
 * entries ({@code seq IS NULL}) through the index of the unique constraint on {@code seq}, whose entries it keys by
 * {@code (seq, id)} as well, so every audit entry written, and every seal, updated an index nobody read (issue 11,
 * docs/benchmarks.md, stop 26). On PostgreSQL it stays for now: its planner, too, read the unique index on {@code seq}
 * in the two shapes tried (50 and 10,000 unsealed among 110,000 entries, the second by the primary key), so the index
 * looks redundant there as well, but that is not yet measured on a store in use. {@code audit_entry} is the audit
 * module's table; the store's migrations are the schema's.
 */
@Component
public class UnsealedIndex extends StoreMigration {

    /** The index dropped on H2. */
    static final String DROPPED = "ix_audit_unsealed";

    public UnsealedIndex() {
        super("183", "unsealed audit index off H2");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        onH2Only(context, List.of("DROP INDEX IF EXISTS " + DROPPED));
    }
}
