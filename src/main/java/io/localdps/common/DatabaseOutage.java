package io.localdps.common;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (or answers "try again") from a bug. The protocol edges
 * answer the first with 503 and a {@code retry-after} instead of a 500, and background work logs it
 * once instead of a stack trace per attempt. Every such failure is recognised here, in one place.
 */
public final class DatabaseOutage {

    /**
     * What devices are told to wait during an outage (device-api.md §3.1: at most 300 on 429/503). Long enough
     * not to hammer a recovering database, short enough that devices come back soon after it does.
     */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** SQLSTATE class 08: connection exception; 57P01..57P03: PostgreSQL shutting down or starting. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {
    }

    /** True when the failure, or any of its causes, says the database is unreachable or temporarily unable to answer. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof ConcurrencyFailureException) {
                return false; // a version conflict, deadlock or lock timeout: the database is there, another writer won
            }
            if (current instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException among them
                    || current instanceof TransientDataAccessException
                    || current instanceof CannotCreateTransactionException // @Transactional could not get a connection
                    || current instanceof SQLTransientConnectionException // Hikari's connection-timeout
                    || current instanceof SQLNonTransientConnectionException
                    || current instanceof SQLRecoverableException
                    || current instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            // The database went away inside a transaction: the rollback (or commit) fails on the dead
            // connection and hides the failure that started it.
            if (current instanceof TransactionSystemException rollback && (rollback.getCause() instanceof SQLException
                    || rollback.getApplicationException() != null && causedBy(rollback.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith("57P0"));
    }
}
