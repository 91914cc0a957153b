package dev.pcorders.adapter.persistence.store;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/** What every store refuses in a schema history, whatever its database. */
public final class SchemaHistory {

    /** The history table of every store: Flyway's default name, one per database (or per PostgreSQL schema). */
    public static final String TABLE = "flyway_schema_history";
    /** A table every pc-orders schema has had since the first migration. */
    public static final String MARKER_TABLE = "sync_run";

    private SchemaHistory() {
    }

    /**
     * Refuses a database written by a newer pc-orders: it may hold data this build would misread. {@code store} starts
     * the message ("The order store /path/orders.db"), {@code otherwise} ends it ("point this one at another file").
     */
    public static void refuseNewer(MigrationInfoService info, String store, String otherwise) {
        MigrationInfo[] applied = info.applied();
        boolean future = Arrays.stream(applied).anyMatch(migration ->
                migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED);
        if (future) {
            String newest = Arrays.stream(applied)
                    .filter(migration -> migration.getVersion() != null)
                    .max(Comparator.comparing(MigrationInfo::getVersion))
                    .map(migration -> migration.getVersion().getVersion())
                    .orElse("?");
            String known = Arrays.stream(info.all())
                    .filter(migration -> migration.getVersion() != null && migration.getState() != MigrationState.FUTURE_SUCCESS
                            && migration.getState() != MigrationState.FUTURE_FAILED)
                    .max(Comparator.comparing(MigrationInfo::getVersion))
                    .map(migration -> migration.getVersion().getVersion())
                    .orElse("none");
            throw new StoreException(Reason.SCHEMA_TOO_NEW, store + " has schema version " + newest
                    + ", written by a newer pc-orders; this build knows schema versions up to " + known
                    + ". Use the newer pc-orders, or " + otherwise + ".");
        }
    }
}
