package cn.sedx.gateway.upload;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.tools.Server;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gateway nodes of one cluster: each its own Spring context, port, broker and data folder, all on one shared
 * database — the PostgreSQL of {@code SEDX_TEST_PG_URL} when set, else an H2 database served over TCP, as
 * separate processes would reach it. Public for the other clustered schedules' tests (the rectification overdue
 * check).
 */
public final class GatewayNodes implements AutoCloseable {

    private final Server h2;
    private final String url;
    private final String user;
    private final String password;
    private final String storeKey = randomKey();

    public GatewayNodes() throws SQLException {
        String pg = System.getenv("SEDX_TEST_PG_URL");
        if (pg != null) {
            h2 = null;
            url = pg;
            user = TestDatabases.postgresUser();
            password = TestDatabases.postgresPassword();
            // the test database is shared with the store's tests: start the cluster on an empty one
            org.flywaydb.core.Flyway.configure().dataSource(url, user, password).cleanDisabled(false).load().clean();
        } else {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            url = "jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:cluster-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        }
    }

    private static String randomKey() {
        byte[] key = new byte[16];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** Starts a node with the given settings on top of the shared database. */
    public ConfigurableApplicationContext start(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("server.port", 0);
        properties.put("sedx.data-dir", Path.of("target", "test-data", UUID.randomUUID().toString())
                .toAbsolutePath().toString());
        properties.put("spring.artemis.embedded.server-id", ThreadLocalRandom.current().nextInt(1, 1_000_000));
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("spring.flyway.clean-disabled", false);
        // nodes of one cluster seal stored payloads under one key, as production nodes do (SEDX_STORE_KEY)
        properties.put("sedx.store.encryption.key-id", "cluster");
        properties.put("sedx.store.encryption.key", storeKey);
        // command-line arguments, so they override application.yaml
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SedxApplication.class).run(arguments);
    }

    /** A direct connection pool to the shared database, for what no node would do itself. */
    public Database database() {
        return new Database(new org.springframework.jdbc.datasource.SingleConnectionDataSource(url, user, password,
                true));
    }

    /** A connection to the shared database; closing releases it. */
    public record Database(org.springframework.jdbc.datasource.SingleConnectionDataSource source) implements AutoCloseable {

        public org.springframework.jdbc.core.simple.JdbcClient jdbc() {
            return org.springframework.jdbc.core.simple.JdbcClient.create(source);
        }

        @Override
        public void close() {
            source.destroy();
        }
    }

    @Override
    public void close() {
        if (h2 != null) {
            h2.stop();
        }
    }
}
