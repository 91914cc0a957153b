package dev.pcorders.adapter.persistence.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.adapter.persistence.store.WriteLockUse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConnection;

/**
 * The transactions of one store file, for every resource. Writes go through a pool of one connection whose
 * transactions begin IMMEDIATE, so a write owns the database from its first statement; reads use their own pool
 * and a deferred transaction each, so a read sees one committed state and never waits for a sync.
 */
public final class SqliteTransactions implements Transactions {

    private static final Settings SETTINGS = new Settings()
            .withExecuteLogging(false)
            .withRenderSchema(false);

    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final StoreFailures failures;
    private final LongAdder writeLockHeldNanos = new LongAdder();
    private final LongAdder writeLockWaitedNanos = new LongAdder();
    private final LongAdder writeTransactions = new LongAdder();

    public SqliteTransactions(HikariDataSource writer, HikariDataSource reader, StoreFailures failures) {
        this.writer = writer;
        this.reader = reader;
        this.failures = failures;
    }

    private static DSLContext dsl(Connection connection) {
        return DSL.using(connection, SQLDialect.SQLITE, SETTINGS);
    }

    /**
     * Runs {@code work} in one transaction of the writer. Whatever {@code work} throws rolls the
     * transaction back and propagates as the same object (a Partner Center failure from a page
     * iterator stays one); only driver and jOOQ failures are translated.
     */
    @Override
    public <T> T inWriteTransaction(String action, Function<DSLContext, T> work) {
        return inTransaction(writer, action, work, true);
    }

    /** The writer's BEGIN IMMEDIATE already holds SQLite's one write lock for the whole file. */
    @Override
    public void lockForSnapshot(DSLContext tx, Table<?> items) {
    }

    /** What the write transactions so far cost in time on the write lock; cheap enough to measure every one. */
    @Override
    public WriteLockUse writeLockUse() {
        return new WriteLockUse(Duration.ofNanos(writeLockHeldNanos.sum()), Duration.ofNanos(writeLockWaitedNanos.sum()),
                writeTransactions.sum());
    }

    /** Runs {@code work} in one deferred read transaction, so all its queries see the same committed state. */
    @Override
    public <T> T inReadTransaction(String action, Function<DSLContext, T> work) {
        return inTransaction(reader, action, work, false);
    }

    private <T> T inTransaction(HikariDataSource pool, String action, Function<DSLContext, T> work, boolean commit) {
        Connection connection = null;
        long asked = System.nanoTime();
        long taken = asked;
        try {
            connection = pool.getConnection();
            taken = System.nanoTime();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(dsl(connection));
                if (commit) {
                    // Leaving transaction mode runs COMMIT alone. Connection.commit() would BEGIN the next
                    // IMMEDIATE transaction at once: for a writer that means queueing for the write lock
                    // again, and failing a write that did commit if another sync holds it.
                    connection.setAutoCommit(true);
                } else {
                    connection.rollback();
                }
            } catch (RuntimeException | Error failure) {
                // A writer is discarded, not rolled back: sqlite-jdbc's rollback() BEGINs the next IMMEDIATE
                // transaction at once, which may queue a failed sync behind another process's whole sync before
                // its failure is reported. Closing the connection rolls the transaction back.
                if (commit || !rollback(connection, failure)) {
                    discard(pool, connection);
                    connection = null;
                }
                throw failure;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | DataAccessException failure) {
            // A failed BEGIN, COMMIT or mode switch can leave sqlite-jdbc believing it is in a
            // transaction it is not in; such a connection must not go back to the pool.
            discard(pool, connection);
            connection = null;
            throw commit ? failures.translate(action, failure) : failures.translateRead(action, failure);
        } finally {
            close(connection);
            if (commit) {
                writeLockWaitedNanos.add(taken - asked);
                writeLockHeldNanos.add(System.nanoTime() - taken);
                writeTransactions.increment();
            }
        }
    }

    /** Rolls a reader back and leaves transaction mode; false, with the reason attached to {@code failure}, if that failed. */
    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            // sqlite-jdbc opens the next (deferred) transaction right after a rollback while auto-commit is off;
            // switching it back on ends that one, so the pooled connection holds no snapshot while idle.
            connection.setAutoCommit(true);
            return true;
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            return false;
        }
    }

    private static void discard(HikariDataSource pool, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            // Closed here, not later on Hikari's closer thread: a writer's transaction is rolled back and the
            // write lock freed before the failure reaches the caller. Hikari's own close then finds it closed.
            connection.unwrap(SQLiteConnection.class).close();
        } catch (SQLException e) {
            // Hikari closes the connection again below and logs what fails then.
        }
        pool.evictConnection(connection);
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a pooled connection only hands it back; Hikari discards it if that fails.
        }
    }
}
