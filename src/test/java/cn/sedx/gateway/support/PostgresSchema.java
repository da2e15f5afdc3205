package cn.sedx.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context's gateway at a fresh schema of the {@code SEDX_TEST_PG_URL} database ({@link OnPostgres}):
 * the connections' {@code currentSchema} and Flyway's schema, so each context migrates an empty schema and no run
 * depends on another, nor on the store tests that clean the database's default schema. The schema is dropped when
 * the context has closed.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String URL = System.getenv("SEDX_TEST_PG_URL");
    private static final String USER = TestDatabases.postgresUser();
    private static final String PASSWORD = TestDatabases.postgresPassword();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "gateway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresSchema", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                "spring.flyway.schemas", schema)));
        // dropped once the context's beans are destroyed, not at ContextClosedEvent: that event comes before the
        // lifecycle stop, and a Quartz job completing meanwhile would retry against missing tables forever, holding
        // up the scheduler's shutdown (registered first, this disposable is destroyed last)
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("postgresSchemaDrop",
                () -> drop(schema));
    }

    private static void drop(String schema) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // the server went away before the context: nothing is left to clean up that a new run would meet
        }
    }

    /** Skips the class, saying why, without {@code SEDX_TEST_PG_URL}; under CI it fails instead. */
    public static final class ServerAtHand implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (URL != null) {
                return ConditionEvaluationResult.enabled("SEDX_TEST_PG_URL is set");
            }
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide SEDX_TEST_PG_URL (see .ci/postgres.sh)");
            }
            return ConditionEvaluationResult.disabled(
                    "SEDX_TEST_PG_URL is not set: run `export SEDX_TEST_PG_URL=$(.ci/postgres.sh)`");
        }
    }
}
