package dev.pcorders.adapter.persistence.postgres;

import dev.pcorders.adapter.persistence.store.FailureText;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Turns driver, pool, jOOQ and Flyway failures on PostgreSQL into {@link StoreException}s that say what happened to
 * which database and what the user can do, by the SQLSTATE the server or driver gave. Messages name the database as
 * {@link PostgresLocation#displayName()} and never carry the password, even where a driver message might.
 */
final class PostgresFailures {

    private final PostgresLocation location;
    private final PostgresStoreSettings settings;

    PostgresFailures(PostgresLocation location, PostgresStoreSettings settings) {
        this.location = location;
        this.settings = settings;
    }

    /** {@code action} completes "could not ...", e.g. "store the snapshot of sync run 7". */
    StoreException translate(String action, Throwable failure) {
        if (failure instanceof StoreException store) {
            return store;
        }
        String prefix = "Could not " + action + " in the PostgreSQL cache " + location.displayName() + ": ";
        String state = sqlState(failure);
        String detail = " (" + describe(failure) + ")";
        if (state != null) {
            if (state.startsWith("28")) {
                return new StoreException(Reason.ACCESS_DENIED, prefix + "the server refused the login of user "
                        + location.user().map(user -> "'" + user + "'").orElse("(the driver's default)")
                        + "; check PC_ORDERS_DB_USER and PC_ORDERS_DB_PASSWORD (or the URL's parameters, or ~/.pgpass)"
                        + detail, failure);
            }
            if (state.equals("3D000")) {
                return new StoreException(Reason.NOT_FOUND, prefix + "the database does not exist; create it (CREATE "
                        + "DATABASE) or point --db at one that does" + detail, failure);
            }
            if (state.equals("42501")) {
                return new StoreException(Reason.NOT_WRITABLE, prefix + "the user may not read or write the cache's tables"
                        + " (or create them); grant it the rights, or log in as their owner" + detail, failure);
            }
            if (state.equals("25006")) {
                return new StoreException(Reason.NOT_WRITABLE, prefix + "the cache was opened for reading only" + detail,
                        failure);
            }
            if (state.equals("55P03") || state.equals("40P01") || state.equals("40001")) {
                return new StoreException(Reason.LOCKED, prefix + "another writer of the same resource (a sync in this or"
                        + " another process or machine) held it for longer than the lock wait ("
                        + readable(settings.lockWait()) + "); retry when it has finished, or raise the lock wait"
                        + detail, failure);
            }
            if (state.equals("53100")) {
                return new StoreException(Reason.DISK_FULL, prefix + "the server's disk is full; free some space and sync"
                        + " again (the previous snapshot is intact)" + detail, failure);
            }
            if (state.startsWith("08") || state.startsWith("57P")) {
                return unreachable(prefix, detail, failure);
            }
        }
        if (failure instanceof SQLTransientConnectionException || find(failure, SQLTransientConnectionException.class)) {
            return unreachable(prefix, detail, failure);
        }
        return new StoreException(Reason.UNEXPECTED, prefix + describe(failure), failure);
    }

    private StoreException unreachable(String prefix, String detail, Throwable failure) {
        return new StoreException(Reason.UNREACHABLE, prefix + "the server could not be reached, or the connection to it"
                + " was lost, within the connect timeout (" + readable(settings.connectTimeout()) + "); check that it runs"
                + " and accepts connections, then retry (a snapshot is stored whole or not at all)" + detail, failure);
    }

    /** The first SQLSTATE in the chain: Hikari and Flyway wrap the driver's exception. */
    private static String sqlState(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static boolean find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private String describe(Throwable failure) {
        String text = FailureText.describe(failure);
        // The driver does not put the password in its messages; this holds even if a future one did.
        return location.password().map(password -> text.replace(password, "***")).orElse(text);
    }

    private static String readable(Duration wait) {
        return FailureText.readable(wait);
    }
}
