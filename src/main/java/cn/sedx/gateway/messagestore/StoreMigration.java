package cn.sedx.gateway.messagestore;

import org.flywaydb.core.api.MigrationVersion;
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
}
