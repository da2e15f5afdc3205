package cn.sedx.gateway.messagestore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V181: on H2, drops the two indexes on {@code message_id} that duplicate the one H2 made for the table's
 * foreign key to {@code message}. H2 indexes every foreign key (V1 and V2 made them, H2 named their indexes
 * {@code CONSTRAINT_INDEX_*}), and an entry of a secondary index ends with the row's key, here the table's
 * {@code id}: so that index already finds a message's rows in {@code id} order, and every filing wrote its history
 * rows and its attempt into two indexes where one serves (issue 11, docs/benchmarks.md). PostgreSQL makes no index for
 * a foreign key, so there the composite indexes are the only ones and stay. In Java because it differs by database.
 */
@Component
public class DuplicateIndexes implements JavaMigration {

    /** The indexes dropped on H2, each duplicating its table's foreign-key index on {@code message_id}. */
    static final List<String> DROPPED = List.of("ix_message_state_message", "ix_delivery_attempt_message");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("181");
    }

    @Override
    public String getDescription() {
        return "duplicate indexes on H2";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String index : DROPPED) {
                statement.execute("DROP INDEX " + index);
            }
        }
    }
}
