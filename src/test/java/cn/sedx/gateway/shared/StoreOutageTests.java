package cn.sedx.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

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
    void leavesEveryOtherFailureToTheInternalError() {
        assertThat(StoreOutage.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate", "23505")))).isFalse();
        assertThat(StoreOutage.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(StoreOutage.isCause(new SQLException("syntax", "42601"))).isFalse();
    }
}
