package dev.pcorders.adapter.persistence.sqlite;

import dev.pcorders.adapter.persistence.store.SchemaHistory;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Brings a store file to this build's schema with the Flyway migrations in {@code db/migration}.
 * A new or empty file is created, an older pc-orders database is migrated, and anything else is
 * refused before a single table is written: a database from a newer build (it may hold data this
 * build would misread) and a database some other program made.
 */
public final class SchemaMigration {

    static final String HISTORY_TABLE = SchemaHistory.TABLE;
    private static final String MARKER_TABLE = SchemaHistory.MARKER_TABLE;

    /**
     * The versions of the migrations in {@code db/migration}, in order: what the history of an up-to-date cache lists.
     * A test holds it to what Flyway finds there, so a new migration cannot be forgotten here.
     */
    static final List<String> MIGRATION_VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7");

    /** Short enough not to be felt, long enough that the stores opening the same new file line up. */
    private static final long MAX_PAUSE_MILLIS = 50;

    private final Path file;
    private final StoreFailures failures;
    /** The shorter of the two waits: a refusal that arrives within it cannot be a wait that ran out. */
    private final Duration retryWindow;

    public SchemaMigration(Path file, StoreFailures failures, SqliteStoreSettings settings) {
        this.file = file;
        this.failures = failures;
        this.retryWindow = settings.busyTimeout().compareTo(settings.writeLockWait()) <= 0
                ? settings.busyTimeout()
                : settings.writeLockWait();
    }

    /**
     * Looks through {@code inspector}, which leaves the file's journal mode alone, and writes through
     * {@code writer} only when a migration is due: a sync in another process holds the write lock until
     * it commits, and opening the store must not queue behind it just to find the schema up to date.
     *
     * <p>Every writer connection switches the file to WAL as it opens. When several do that to a brand-new
     * file at the same moment, SQLite may answer SQLITE_BUSY at once instead of waiting the busy
     * timeout, because waiting could deadlock (measured: 17 of 2,400 such opens, with a 10 s busy
     * timeout; a throw-away stress of 400 rounds of 6 plain sqlite-jdbc connections on new files). Such
     * a refusal comes back sooner than any wait, so opening tries again while it is still inside the
     * shorter of the busy timeout and the write lock wait; a lock that was waited out is not retried.
     */
    public void migrate(DataSource inspector, DataSource writer) {
        long deadline = System.nanoTime() + retryWindow.toNanos();
        while (true) {
            try {
                migrateOnce(inspector, writer);
                return;
            } catch (StoreException e) {
                if (e.reason() != Reason.LOCKED || System.nanoTime() - deadline >= 0 || !pauseBeforeRetry()) {
                    throw e;
                }
            }
        }
    }

    /** False when interrupted: the caller gives up and the interrupt stays set. */
    private static boolean pauseBeforeRetry() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, MAX_PAUSE_MILLIS + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For a reader that must not write: refuses what {@link #migrate} refuses, and a schema it would have migrated. */
    public void requireCurrent(DataSource reader) {
        if (!alreadyCurrent(reader) && acceptableSchema(reader).pending().length > 0) {
            throw new StoreException(Reason.SCHEMA_TOO_OLD, "The order store " + file + " was written by an older "
                    + "pc-orders and cannot be upgraded without write access to it and its folder; copy it somewhere "
                    + "writable, or sync into it once with this build, which upgrades it.");
        }
    }

    private void migrateOnce(DataSource inspector, DataSource writer) {
        if (!alreadyCurrent(inspector) && acceptableSchema(inspector).pending().length > 0) {
            try {
                flyway(writer).migrate();
            } catch (FlywayException e) {
                throw failures.translate("bring the schema up to date", e);
            }
        }
    }

    /**
     * Whether the file's schema history is exactly this build's migrations, each applied once and successfully, beside
     * the marker table: the answer every open of an up-to-date cache gets, read in one query instead of through
     * Flyway, whose configuring and classpath scan took about 7% of the CPU of reconciling a million ledger rows
     * against 200k cached line items. Any other history, and any failure to read it, goes the whole way through
     * Flyway, which refuses, migrates or reports exactly as before.
     */
    private static boolean alreadyCurrent(DataSource inspector) {
        try (Connection connection = inspector.getConnection()) {
            // Both looks in one read transaction, as in refuseForeignDatabase.
            connection.setAutoCommit(false);
            try {
                DSLContext dsl = DSL.using(connection, SQLDialect.SQLITE);
                Field<String> name = DSL.field(DSL.name("name"), String.class);
                if (dsl.fetchCount(DSL.table(DSL.name("sqlite_master")),
                        DSL.field(DSL.name("type"), String.class).eq("table").and(name.eq(MARKER_TABLE))) != 1) {
                    return false;
                }
                Field<String> version = DSL.field(DSL.name("version"), String.class);
                Field<String> type = DSL.field(DSL.name("type"), String.class);
                Field<Boolean> success = DSL.field(DSL.name("success"), Boolean.class);
                List<String> history = dsl.select(version, type, success)
                        .from(DSL.table(DSL.name(HISTORY_TABLE)))
                        .orderBy(DSL.field(DSL.name("installed_rank")))
                        .fetch(row -> "SQL".equals(row.value2()) && Boolean.TRUE.equals(row.value3()) ? row.value1() : null);
                return history.equals(MIGRATION_VERSIONS);
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The schema history of a pc-orders database no newer than this build; anything else is refused. */
    private MigrationInfoService acceptableSchema(DataSource inspector) {
        refuseForeignDatabase(inspector);
        MigrationInfoService info;
        try {
            info = flyway(inspector).info();
        } catch (FlywayException e) {
            throw failures.translateRead("read the schema history", e);
        }
        SchemaHistory.refuseNewer(info, "The order store " + file, "point this one at another file");
        return info;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .loggers("slf4j")
                .load();
    }

    private void refuseForeignDatabase(DataSource dataSource) {
        Set<String> tables;
        boolean beingCreated;
        try (Connection connection = dataSource.getConnection()) {
            // Both looks in one read transaction: between two autocommit reads another process may commit a migration.
            connection.setAutoCommit(false);
            DSLContext dsl = DSL.using(connection, SQLDialect.SQLITE);
            Field<String> name = DSL.field(DSL.name("name"), String.class);
            tables = dsl.select(name)
                    .from(DSL.table(DSL.name("sqlite_master")))
                    .where(DSL.field(DSL.name("type"), String.class).eq("table"))
                    .and(name.notLike("sqlite\\_%", '\\'))
                    .fetchSet(name);
            // An empty history table alone is a pc-orders database another process is creating right now:
            // Flyway commits that table before the first migration, and migrating below queues behind it.
            beingCreated = tables.equals(Set.of(HISTORY_TABLE)) && dsl.fetchCount(DSL.table(DSL.name(HISTORY_TABLE))) == 0;
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            throw failures.translateRead("open the database", e);
        }
        if (!tables.isEmpty() && !beingCreated && !(tables.contains(HISTORY_TABLE) && tables.contains(MARKER_TABLE))) {
            throw new StoreException(Reason.NOT_A_PC_ORDERS_DATABASE, "The file " + file
                    + " is an SQLite database, but not a pc-orders order store (it has the tables "
                    + tables.stream().sorted().collect(Collectors.joining(", "))
                    + "); point the store at a pc-orders database or at a new file");
        }
    }
}
