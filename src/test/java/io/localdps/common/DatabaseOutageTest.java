package io.localdps.common;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsAnOutageHoweverDeepItIsWrapped() {
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped", new QueryTimeoutException("slow")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("This connection has been closed.", "08003"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailsOnTheDeadConnectionIsAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection"));

        assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("Could not commit", new SQLException("gone")))).isTrue();
    }

    @Test
    void bugsAndRefusedDataAreNotAnOutage() {
        assertThat(DatabaseOutage.causedBy(new NullPointerException())).isFalse();
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.causedBy(null)).isFalse();
    }

    @Test
    void aConflictWithAnotherWriterIsNotAnOutage() {
        assertThat(DatabaseOutage.causedBy(new OptimisticLockingFailureException("version 3 expected"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new PessimisticLockingFailureException("deadlock detected",
                new SQLTransactionRollbackException("deadlock detected", "40P01")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLTransactionRollbackException("deadlock detected", "40P01"))).isFalse();
    }
}
