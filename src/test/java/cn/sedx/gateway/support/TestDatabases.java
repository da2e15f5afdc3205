package cn.sedx.gateway.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases the tests run on, set up here and nowhere else: embedded H2 (in PostgreSQL mode, as the gateway
 * runs it) and a real PostgreSQL server, whose URL comes from {@code SEDX_TEST_PG_URL} ({@code .ci/postgres.sh}
 * starts one and prints it). Without that variable the PostgreSQL cases are skipped, except under CI, where they
 * fail.
 */
public enum TestDatabases {
    H2,
    POSTGRESQL;

    /** The options the gateway opens H2 with (application.yaml), after the database's name. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Where a test database server is and how to sign in to it. */
    public record Server(String url, String user, String password) {}

    /** A freshly migrated, empty database. */
    public DataSource migrated() {
        return migratedTo(null);
    }

    /**
     * A fresh database migrated by the SQL migrations up to {@code target} (all of them when null), as a gateway of
     * that version left it; a test of a later migration applies the rest.
     */
    public DataSource migratedTo(String target) {
        DataSource dataSource = switch (this) {
            case H2 -> new DriverManagerDataSource(h2Url(), "sa", "");
            case POSTGRESQL -> {
                Server server = requiredPostgresServer();
                yield new DriverManagerDataSource(server.url(), server.user(), server.password());
            }
        };
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .target(target == null ? "latest" : target)
                .load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }

    /** The names of the indexes on {@code table} in the current schema (H2 lists them in its information schema). */
    public List<String> indexes(JdbcClient jdbc, String table) {
        String sql = this == H2
                ? "SELECT index_name FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA"
                        + " AND table_name = ?"
                : "SELECT indexname FROM pg_indexes WHERE schemaname = CURRENT_SCHEMA AND tablename = ?";
        return jdbc.sql(sql).param(table).query(String.class).list();
    }

    /** The URL of a fresh, empty in-memory H2 database, kept until the JVM ends, opened as the gateway opens H2. */
    public static String h2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * The PostgreSQL server of {@code SEDX_TEST_PG_URL} ({@code SEDX_TEST_PG_USER}, {@code SEDX_TEST_PG_PASSWORD},
     * default {@code sedx} / {@code sedx-test-only}), or empty when none is set.
     */
    public static Optional<Server> postgresServer() {
        String url = System.getenv("SEDX_TEST_PG_URL");
        return Optional.ofNullable(url).map(u -> new Server(u, postgresUser(), postgresPassword()));
    }

    /**
     * The PostgreSQL server of {@link #postgresServer()}; without one the test is skipped, saying why, except on CI,
     * which must provide it.
     */
    public static Server requiredPostgresServer() {
        Server server = postgresServer().orElse(null);
        if (server == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must provide SEDX_TEST_PG_URL (see .ci/postgres.sh)");
        }
        assumeTrue(server != null, "SEDX_TEST_PG_URL is not set: run `export SEDX_TEST_PG_URL=$(.ci/postgres.sh)`");
        return server;
    }

    /** The user of the {@code SEDX_TEST_PG_URL} database: {@code SEDX_TEST_PG_USER}, else {@code sedx}. */
    public static String postgresUser() {
        return env("SEDX_TEST_PG_USER", "sedx");
    }

    /** Its password: {@code SEDX_TEST_PG_PASSWORD}, else the test-only one {@code .ci/postgres.sh} gives. */
    public static String postgresPassword() {
        return env("SEDX_TEST_PG_PASSWORD", "sedx-test-only");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
