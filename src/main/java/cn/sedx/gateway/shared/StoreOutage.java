package cn.sedx.gateway.shared;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure to reach the database (which a retry after a while can cure) from any other failure. */
public final class StoreOutage {

    /** The seconds a client is asked to wait before it submits again while the database is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private StoreOutage() {}

    /**
     * Whether {@code failure} or one of its causes says the database could not be reached. When the database goes in
     * the middle of a transaction, the rollback fails too, and Spring throws the rollback's failure (the pool's
     * "Connection is closed", with no SQLSTATE) and keeps the first one as its application exception: that one is
     * read as well.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || connectionState(t)) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) or 57P (operator intervention: the server shuts down). */
    private static boolean connectionState(Throwable t) {
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P");
        }
        return false;
    }
}
