package cn.sedx.gateway.messagestore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * How a poller claims rows so that, with several gateway nodes on one database, each row is taken by one node:
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL (another node's claimed rows are passed over, nobody waits);
 * {@code FOR UPDATE} on H2, whose {@code SKIP LOCKED} skips rows before it applies the row limit (a second claimer
 * then waits for the first to commit and reads the rows that are still unclaimed). Either way a claimer must still
 * move the rows it claimed out of the claimed state with a guarded update before it commits.
 */
@Component
public class RowClaims {

    private final String clause;

    public RowClaims(DataSource dataSource) {
        this.clause = postgres(dataSource) ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    /** The locking clause to end a claiming {@code SELECT} with (after its {@code FETCH FIRST}). */
    public String clause() {
        return clause;
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
