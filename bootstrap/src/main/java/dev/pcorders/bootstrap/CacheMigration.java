package dev.pcorders.bootstrap;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a team onto a shared cache: copies a SQLite cache file (every resource, sync run, change and job) into a
 * PostgreSQL database, creating its schema if needed, all or nothing, with a count check per table. Running it again
 * copies nothing new, so it may be repeated after a failure or to confirm.
 */
public final class CacheMigration {

    /** One table: rows in the file, rows in PostgreSQL after the copy, rows this copy added. */
    public record CopiedTable(String table, long inFile, long inDatabase, long copied) {
    }

    private CacheMigration() {
    }

    /**
     * @param user     who logs in to PostgreSQL; empty for the URL's parameters or ~/.pgpass
     * @param password the password of {@code user}; never part of any message
     * @throws dev.pcorders.application.shared.port.out.StoreException when the file cannot be read, PostgreSQL cannot
     *         be reached or refuses the login, the database holds another cache, or a count differs after the copy
     * @throws IllegalArgumentException when {@code postgresUrl} is not a {@code jdbc:postgresql://} URL
     */
    public static List<CopiedTable> copySqliteToPostgres(Path file, String postgresUrl, Optional<String> user,
                                                         Optional<String> password) {
        Objects.requireNonNull(file, "file");
        PostgresLocation location = PostgresLocation.of(postgresUrl, user, password);
        try (CacheStore from = CacheStore.openReadOnly(file, SqliteStoreSettings.defaults());
             CacheStore to = CacheStore.open(location, PostgresStoreSettings.defaults())) {
            return from.copyInto(to).stream()
                    .map(count -> new CopiedTable(count.table(), count.source(), count.target(), count.copied()))
                    .toList();
        }
    }
}
