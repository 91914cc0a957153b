package dev.pcorders.adapter.persistence.sqlite;

import dev.pcorders.adapter.persistence.store.FailureText;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns driver, pool, jOOQ and Flyway failures into {@link StoreException}s that say what happened
 * to which file and what the user can do about it. Nothing else may cross the port.
 */
public final class StoreFailures {

    private final Path file;
    private final SqliteStoreSettings settings;

    public StoreFailures(Path file, SqliteStoreSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    /**
     * A failure of a write: anything done through the writer's connections, which wait for the write
     * lock. {@code action} completes "could not ...", e.g. "store the snapshot of run 7".
     */
    public StoreException translate(String action, Throwable failure) {
        return translate(action, failure, true);
    }

    /** A failure of a read, done through the readers' connections, which wait the busy timeout. */
    public StoreException translateRead(String action, Throwable failure) {
        return translate(action, failure, false);
    }

    private StoreException translate(String action, Throwable failure, boolean write) {
        if (failure instanceof StoreException) {
            return (StoreException) failure;
        }
        String prefix = "Could not " + action + " in the order store " + file + ": ";
        SQLiteException sqlite = find(failure, SQLiteException.class);
        if (sqlite != null) {
            return fromSqlite(prefix, sqlite.getResultCode(), failure, write);
        }
        if (find(failure, SQLTransientConnectionException.class) != null) {
            String waited = write
                    ? "another write in this process held the store for longer than the " + writeLockWait()
                            + "; retry when it has finished, or raise the write lock wait"
                    : "every reader connection stayed in use for longer than the " + busyTimeout()
                            + "; retry, or raise the busy timeout or the reader pool size";
            return new StoreException(Reason.LOCKED, prefix + waited, failure);
        }
        return new StoreException(Reason.UNEXPECTED, prefix + describe(failure), failure);
    }

    private StoreException fromSqlite(String prefix, SQLiteErrorCode code, Throwable failure, boolean write) {
        String name = code.name();
        String detail = " (" + describe(failure) + ")";
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            String waited = write
                    ? "another writer (a sync in this or another process) held the write lock for longer than the "
                            + writeLockWait() + "; retry when the other sync has finished, or raise the write lock wait"
                    : "the database stayed locked for longer than the " + busyTimeout() + "; retry, or raise the busy timeout";
            return new StoreException(Reason.LOCKED, prefix + waited + detail, failure);
        }
        if (name.startsWith("SQLITE_FULL")) {
            return new StoreException(Reason.DISK_FULL, prefix + "the disk is full; free some space and sync again"
                    + " (the previous snapshot is intact)" + detail, failure);
        }
        if (name.startsWith("SQLITE_IOERR") && !name.equals("SQLITE_IOERR_NOMEM")) {
            // A full disk often surfaces as a failed write or fsync rather than SQLITE_FULL; the cause cannot be told apart.
            return new StoreException(Reason.NOT_WRITABLE, prefix + "the operating system refused a read or write of the"
                    + " file (a full disk or a failing device); check free space and the device, then sync again"
                    + " (the previous snapshot is intact)" + detail, failure);
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_PERM")
                || name.startsWith("SQLITE_AUTH")) {
            return new StoreException(Reason.NOT_WRITABLE, prefix + "the file or its folder cannot be created or written;"
                    + " check that the folder exists and that you may write to it" + detail, failure);
        }
        if (name.startsWith("SQLITE_NOTADB")) {
            return new StoreException(Reason.NOT_A_PC_ORDERS_DATABASE, prefix + "the file is not an SQLite database;"
                    + " point the store at a pc-orders database or at a new file" + detail, failure);
        }
        if (name.startsWith("SQLITE_CORRUPT")) {
            return new StoreException(Reason.CORRUPT, prefix + "the database file is damaged; restore it from a backup"
                    + " or delete it and sync again" + detail, failure);
        }
        return new StoreException(Reason.UNEXPECTED, prefix + describe(failure), failure);
    }

    private String writeLockWait() {
        return "write lock wait (" + readable(settings.writeLockWait()) + ")";
    }

    private String busyTimeout() {
        return "busy timeout (" + readable(settings.busyTimeout()) + ")";
    }

    private static String readable(Duration wait) {
        return FailureText.readable(wait);
    }

    private static String describe(Throwable failure) {
        return FailureText.describe(failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
