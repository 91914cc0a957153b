package dev.pcorders.adapter.persistence.postgres;

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

/**
 * The transactions of one PostgreSQL cache. Writers may run side by side (in this process, other processes and other
 * machines); what must not run side by side is two snapshots of one resource, whose row ids and comparison with the
 * previous snapshot assume they are alone: {@link #lockForSnapshot} takes a transaction-scoped advisory lock for that.
 * Readers run read-only at repeatable read.
 */
final class PostgresTransactions implements Transactions {

    private static final Settings SETTINGS = new Settings()
            .withExecuteLogging(false)
            .withRenderSchema(false);
    /** The first key of pc-orders' advisory locks ("pcOr"), so they do not meet another application's. */
    private static final int LOCK_NAMESPACE = 0x70634f72;

    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final PostgresFailures failures;
    private final LongAdder lockHeldNanos = new LongAdder();
    private final LongAdder lockWaitedNanos = new LongAdder();
    private final LongAdder writeTransactions = new LongAdder();

    PostgresTransactions(HikariDataSource writer, HikariDataSource reader, PostgresFailures failures) {
        this.writer = writer;
        this.reader = reader;
        this.failures = failures;
    }

    @Override
    public <T> T inWriteTransaction(String action, Function<DSLContext, T> work) {
        return inTransaction(writer, action, work, true);
    }

    @Override
    public <T> T inReadTransaction(String action, Function<DSLContext, T> work) {
        return inTransaction(reader, action, work, false);
    }

    /**
     * Waits (up to the lock wait, then {@code 55P03}, a {@code LOCKED} store failure) until no other transaction writes
     * a snapshot of {@code items}, and holds that until this one commits or rolls back, whichever process runs it.
     */
    @Override
    public void lockForSnapshot(DSLContext tx, Table<?> items) {
        long asked = System.nanoTime();
        tx.resultQuery("select 1 from (select pg_advisory_xact_lock(?, ?)) as locked", LOCK_NAMESPACE,
                items.getName().hashCode()).fetch();
        lockWaitedNanos.add(System.nanoTime() - asked);
    }

    /** Time spent in write transactions (held) and waiting for connections and snapshot locks (waited). */
    @Override
    public WriteLockUse writeLockUse() {
        return new WriteLockUse(Duration.ofNanos(lockHeldNanos.sum()), Duration.ofNanos(lockWaitedNanos.sum()),
                writeTransactions.sum());
    }

    private <T> T inTransaction(HikariDataSource pool, String action, Function<DSLContext, T> work, boolean write) {
        Connection connection = null;
        long asked = System.nanoTime();
        long taken = asked;
        try {
            connection = pool.getConnection();
            taken = System.nanoTime();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(DSL.using(connection, SQLDialect.POSTGRES, SETTINGS));
                if (write) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (RuntimeException | Error failure) {
                rollback(connection, failure);
                throw failure;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | DataAccessException failure) {
            if (connection != null) {
                rollback(connection, failure);
            }
            throw failures.translate(action, failure);
        } catch (RuntimeException failure) {
            // A pool that cannot connect throws its own runtime exceptions; the work's own failures pass unchanged.
            throw isDatabaseFailure(failure) ? failures.translate(action, failure) : failure;
        } finally {
            close(connection);
            if (write) {
                lockWaitedNanos.add(taken - asked);
                lockHeldNanos.add(System.nanoTime() - taken);
                writeTransactions.increment();
            }
        }
    }

    private static boolean isDatabaseFailure(RuntimeException failure) {
        for (Throwable current = failure.getCause(); current != null; current = current.getCause()) {
            if (current instanceof SQLException) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    /** Rolls back; where that fails too (a lost connection), the pool discards the connection on close. */
    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
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
