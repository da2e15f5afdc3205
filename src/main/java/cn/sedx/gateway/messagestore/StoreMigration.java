package cn.sedx.gateway.messagestore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration of the store written in Java: its version and description given here (Flyway's own base class would
 * read them from a class name such as {@code V31__Unit_kind_backfill}), no checksum, run in Flyway's transaction.
 * Spring Boot hands each such bean to Flyway with the SQL migrations.
 */
abstract class StoreMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    StoreMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    /**
     * Runs the statements in order on H2 and does nothing on another database. H2 commits each DDL statement on its
     * own, so a crash between two leaves the migration unrecorded, to run all of them again at the next start: each
     * statement must be harmless the second time.
     */
    static void onH2Only(Context context, List<String> statements) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
