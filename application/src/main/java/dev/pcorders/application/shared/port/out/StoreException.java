package dev.pcorders.application.shared.port.out;

import java.util.Objects;

/**
 * The local cache failed (its file, its schema, the disk under it). Storage adapters translate their driver's exceptions into this, with
 * a message a user can act on; the {@link Reason} lets a caller pick an exit code or a remedy.
 */
public final class StoreException extends RuntimeException {

    /** What went wrong, as far as a user can do something about it. */
    public enum Reason {
        NOT_WRITABLE,
        DISK_FULL,
        LOCKED,
        SCHEMA_TOO_NEW,
        /** A reader that may not migrate found a schema this build would migrate. */
        SCHEMA_TOO_OLD,
        NOT_A_PC_ORDERS_DATABASE,
        /** A read was asked of a cache file that does not exist (nothing was synced into it). */
        NOT_FOUND,
        CORRUPT,
        /** A database server refused the login (wrong user or password, or no right to the database). */
        ACCESS_DENIED,
        /** A database server could not be reached, or the connection to it was lost. */
        UNREACHABLE,
        UNEXPECTED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public StoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
