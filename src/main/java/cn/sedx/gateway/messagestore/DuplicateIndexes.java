package cn.sedx.gateway.messagestore;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration V181: on H2, drops the two indexes on {@code message_id} that duplicate the one H2 made for the table's
 * foreign key to {@code message} when V1 and V2 declared it ({@code CONSTRAINT_INDEX_*}). That index finds a message's
 * rows as well (a handful, which H2 then sorts by {@code id}); with both, every filing wrote its history rows and its
 * attempt into two indexes where one serves (issue 11, docs/benchmarks.md). PostgreSQL makes no index for a foreign
 * key, so there the composite indexes are the only ones and stay. In Java because it differs by database.
 */
@Component
public class DuplicateIndexes extends StoreMigration {

    /** The indexes dropped on H2, each duplicating its table's foreign-key index on {@code message_id}. */
    static final List<String> DROPPED = List.of("ix_message_state_message", "ix_delivery_attempt_message");

    public DuplicateIndexes() {
        super("181", "duplicate indexes on H2");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        // IF EXISTS: run again after a crash between the two, the first is gone already
        onH2Only(context, DROPPED.stream().map(index -> "DROP INDEX IF EXISTS " + index).toList());
    }
}
