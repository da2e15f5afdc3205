package cn.sedx.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.sedx.gateway.support.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/** Which failures say the database is unreachable (intake answers 503 with Retry-After) and which do not (500). */
class StoreOutageTests {

    @Test
    void recognisesAnUnreachableDatabaseHoweverDeepItsCause() {
        // Hikari's pool timeout, as @Transactional wraps it
        assertThat(StoreOutage.isCause(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("sedx - Connection is not available")))).isTrue();
        assertThat(StoreOutage.isCause(new CompletionException(new CannotGetJdbcConnectionException("down")))).isTrue();
        // PostgreSQL: connection refused (08001), terminated by an immediate shutdown (57P01)
        assertThat(StoreOutage.isCause(new IllegalStateException(new SQLException("refused", "08001")))).isTrue();
        assertThat(StoreOutage.isCause(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
    }

    @Test
    void seesTheOutageBehindARollbackThatFailedWhenTheConnectionBroke() throws Exception {
        // what ScaleOutTests once met when PostgreSQL stopped in the middle of an intake's group commit (a 500)
        TestDatabases.Server server = TestDatabases.requiredPostgresServer();
        try (HikariDataSource pool = new HikariDataSource();
                Connection other = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            pool.setJdbcUrl(server.url());
            pool.setUsername(server.user());
            pool.setPassword(server.password());
            JdbcClient jdbc = JdbcClient.create(pool);
            TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(pool));

            Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> {
                int backend = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
                try {
                    other.createStatement().execute("SELECT pg_terminate_backend(" + backend + ")");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                jdbc.sql("SELECT 1").query(Integer.class).single();
            }));

            assertThat(failure).isInstanceOf(TransactionSystemException.class);
            assertThat(((TransactionSystemException) failure).getApplicationException()).isNotNull();
            assertThat(StoreOutage.isCause(failure)).isTrue();
        }
    }

    @Test
    void leavesARollbackFailureAfterAnotherFailureToTheInternalError() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate", "23505")));
        assertThat(StoreOutage.isCause(rollback)).isFalse();
    }

    @Test
    void leavesEveryOtherFailureToTheInternalError() {
        assertThat(StoreOutage.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate", "23505")))).isFalse();
        assertThat(StoreOutage.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(StoreOutage.isCause(new SQLException("syntax", "42601"))).isFalse();
    }
}
