package dev.pcorders.adapter.persistence.order;

import com.zaxxer.hikari.HikariDataSource;
import dev.pcorders.adapter.persistence.customer.CustomerPorts;
import dev.pcorders.adapter.persistence.postgres.PostgresDatabase;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.sqlite.SchemaMigration;
import dev.pcorders.adapter.persistence.sqlite.SqliteConnections;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.adapter.persistence.sqlite.SqliteTransactions;
import dev.pcorders.adapter.persistence.sqlite.StoreFailures;
import dev.pcorders.adapter.persistence.store.CacheCopy;
import dev.pcorders.adapter.persistence.store.JooqSyncJobLog;
import dev.pcorders.adapter.persistence.store.JooqSyncRunLog;
import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.adapter.persistence.store.WriteLockUse;
import dev.pcorders.adapter.persistence.subscription.SubscriptionPorts;
import dev.pcorders.application.customer.port.out.CachedCustomerReader;
import dev.pcorders.application.customer.port.out.CustomerChangeLog;
import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.application.order.port.out.OrderChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.SyncJobLog;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.application.subscription.port.out.SubscriptionChangeLog;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The cache of every resource, in one SQLite file or one PostgreSQL database: the adapter's single entry point.
 * {@link #open} creates the file (or the database's tables) or migrates an older schema to this build's, refuses a newer
 * or a foreign one, and starts the connection pools; {@link #runLog()}, {@link #orderSnapshots()}, {@link #orders()}, {@link #orderChanges()} and their
 * subscription and customer counterparts are the cache's ports; {@link #close()} stops the pools.
 *
 * <pre>{@code
 * try (CacheStore store = CacheStore.open(Path.of("orders.db"), SqliteStoreSettings.defaults())) {
 *     CachedOrderReader orders = store.orders();
 *     ...
 * }
 * }</pre>
 *
 * Several stores (in one process or several) may open the same file: writes queue on SQLite's write
 * lock, each waiting up to {@link SqliteStoreSettings#writeLockWait()}, and reads never wait for them. On PostgreSQL
 * they may be on several machines: snapshots of one resource queue on an advisory lock, each waiting up to
 * {@link PostgresStoreSettings#lockWait()}, and reads never wait for them either.
 */
public final class CacheStore implements AutoCloseable {

    private static final AtomicInteger OPENED = new AtomicInteger();

    /** What the store's own connections are, for the few callers (benchmarks, diagnostics) that need raw JDBC. */
    @FunctionalInterface
    private interface JdbcConnections {
        Connection open();
    }

    private final String name;
    private final Optional<Path> file;
    private final DataSource writer;
    private final DataSource reader;
    private final JdbcConnections jdbc;
    private final AutoCloseable pools;
    private final JooqSyncRunLog runLog;
    private final JooqOrderRepository repository;
    private final SubscriptionPorts subscriptionPorts;
    private final CustomerPorts customerPorts;
    private final JooqSyncJobLog syncJobs;
    private final Transactions transactions;

    private CacheStore(String name, Optional<Path> file, Transactions transactions, DataSource writer, DataSource reader,
                       JdbcConnections jdbc, AutoCloseable pools) {
        this.name = name;
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.jdbc = jdbc;
        this.pools = pools;
        this.transactions = transactions;
        this.runLog = new JooqSyncRunLog(transactions);
        this.repository = new JooqOrderRepository(transactions, runLog);
        this.subscriptionPorts = new SubscriptionPorts(transactions);
        this.customerPorts = new CustomerPorts(transactions);
        this.syncJobs = new JooqSyncJobLog(transactions);
    }

    private static CacheStore sqlite(Path file, SqliteConnections connections, StoreFailures failures,
                                     HikariDataSource writer, HikariDataSource reader) {
        JdbcConnections jdbc = () -> {
            try {
                return connections.unpooledWriter().getConnection();
            } catch (SQLException e) {
                throw failures.translate("open a JDBC connection", e);
            }
        };
        AutoCloseable pools = () -> {
            try {
                reader.close();
            } finally {
                writer.close();
            }
        };
        return new CacheStore(file.toString(), Optional.of(file), new SqliteTransactions(writer, reader, failures), writer,
                reader, jdbc, pools);
    }

    /**
     * Opens (creating if missing) the store in {@code file}.
     *
     * @throws StoreException if the file cannot be opened or written, is not a pc-orders
     *                             database, or was written by a newer pc-orders
     */
    public static CacheStore open(Path file, SqliteStoreSettings settings) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(settings, "settings");
        Path absolute = usablePath(file);
        StoreFailures failures = new StoreFailures(absolute, settings);
        SqliteConnections connections = new SqliteConnections(absolute, settings);
        new SchemaMigration(absolute, failures, settings).migrate(connections.unpooledInspector(), connections.unpooledWriter());
        String poolName = "pc-orders-store-" + OPENED.incrementAndGet();
        HikariDataSource writer = null;
        try {
            writer = connections.writerPool(poolName);
            HikariDataSource reader = connections.readerPool(poolName);
            return sqlite(absolute, connections, failures, writer, reader);
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.close();
            }
            throw failures.translate("open connections", e);
        }
    }

    /**
     * Opens the cache in a PostgreSQL database, creating or migrating its schema: a cache several people, processes and
     * machines share. Every port behaves as on SQLite; snapshots of one resource are stored one at a time across all of
     * them (the fetching runs in parallel), and readers see whole snapshots only.
     *
     * @throws StoreException if the server cannot be reached, refuses the login, has no such database, or holds a
     *                        schema this build must not write
     */
    public static CacheStore open(PostgresLocation location, PostgresStoreSettings settings) {
        return postgres(location, PostgresDatabase.open(location, settings));
    }

    /**
     * Opens a PostgreSQL cache for reading: a database without one is refused ({@code NOT_FOUND}), an older schema is
     * upgraded as {@link #open(PostgresLocation, PostgresStoreSettings)} would, and writes through the ports fail with
     * a {@link StoreException}.
     */
    public static CacheStore openReadOnly(PostgresLocation location, PostgresStoreSettings settings) {
        return postgres(location, PostgresDatabase.openReadOnly(location, settings));
    }

    private static CacheStore postgres(PostgresLocation location, PostgresDatabase database) {
        return new CacheStore(location.displayName(), Optional.empty(), database.transactions(), database.writerPool(),
                database.readerPool(), database::openJdbcConnection, database);
    }

    /**
     * Opens an existing store for reading only: never creates or writes the file, needs no write access to its folder,
     * and leaves no file behind. The one exception: a file of an earlier release is upgraded to this build's schema
     * first (as a sync would) when the file and its folder can be written. Writes through {@link #orders()} fail with
     * an {@link StoreException}.
     *
     * @throws StoreException if the file does not exist, cannot be read, is not a pc-orders database, has a newer
     *                             schema, or has an older one and cannot be written
     */
    public static CacheStore openReadOnly(Path file, SqliteStoreSettings settings) {
        return openReadOnly(file, settings, true);
    }

    private static CacheStore openReadOnly(Path file, SqliteStoreSettings settings, boolean mayUpgrade) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(settings, "settings");
        Path absolute = usablePath(file);
        StoreFailures failures = new StoreFailures(absolute, settings);
        if (!Files.isRegularFile(absolute)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no such file: " + absolute);
        }
        SqliteConnections connections = new SqliteConnections(absolute, settings);
        HikariDataSource reader;
        try {
            reader = connections.readOnlyPool("pc-orders-store-" + OPENED.incrementAndGet());
        } catch (RuntimeException e) {
            throw failures.translateRead("open the database for reading", e);
        }
        try {
            new SchemaMigration(absolute, failures, settings).requireCurrent(reader);
        } catch (StoreException older) {
            reader.close();
            if (older.reason() != StoreException.Reason.SCHEMA_TOO_OLD || !mayUpgrade || !upgradable(absolute)) {
                throw older;
            }
            // A cache of an earlier release is upgraded once, as a sync would, rather than leaving its owner unable to
            // read it until they can reach Partner Center; where it cannot be written, reading it stays an error.
            open(absolute, settings).close();
            return openReadOnly(absolute, settings, false);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return sqlite(absolute, connections, failures, reader, reader);
    }

    private static Path usablePath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.toString().indexOf('?') >= 0) {
            // sqlite-jdbc would read what follows it as connection options and fail with an unrelated SQL error.
            throw new IllegalArgumentException("the cache path must not contain '?' (the SQLite driver reads what follows "
                    + "it as connection options): " + absolute);
        }
        return absolute;
    }

    private static boolean upgradable(Path file) {
        Path folder = file.getParent();
        return Files.isWritable(file) && folder != null && Files.isWritable(folder);
    }

    /**
     * Copies everything this cache holds (every resource, run, change and job) into {@code target}, in one transaction
     * of the target, and checks every table's count; see {@link CacheCopy}. Repeating it copies nothing new.
     *
     * @throws StoreException when either cache fails, the target holds another cache, or the counts differ (the target
     *         is then as it was)
     */
    public List<CacheCopy.TableCount> copyInto(CacheStore target) {
        return CacheCopy.copy(transactions, target.transactions);
    }

    /** The time this store's writes have held and queued for SQLite's write lock since it opened. */
    public WriteLockUse writeLockUse() {
        return transactions.writeLockUse();
    }

    /** The record of sync runs, of every resource. Thread-safe, as is every port here; valid until {@link #close()}. */
    public SyncRunLog runLog() {
        return runLog;
    }

    /** Where an order sync stores what it fetched. */
    public SnapshotStore<OrderScope, Order> orderSnapshots() {
        return repository;
    }

    /** The cached orders, as readers see them. */
    public CachedOrderReader orders() {
        return repository;
    }

    /** Every port at once, for this package's tests. */
    JooqOrderRepository cache() {
        return repository;
    }

    /** What order syncs found changed. */
    public OrderChangeLog orderChanges() {
        return repository;
    }

    /** Where a subscription sync stores what it fetched; its runs go to {@link #runLog()}, as the orders' do. */
    public SnapshotStore<SubscriptionScope, Subscription> subscriptionSnapshots() {
        return subscriptionPorts.snapshots();
    }

    /** The cached subscriptions, as readers see them. */
    public CachedSubscriptionReader subscriptions() {
        return subscriptionPorts.subscriptions();
    }

    /** What subscription syncs found changed. */
    public SubscriptionChangeLog subscriptionChanges() {
        return subscriptionPorts.changes();
    }

    /** The sync jobs recorded in this file, for resuming one that did not finish. */
    public SyncJobLog syncJobs() {
        return syncJobs;
    }

    /** Where a sync of the partner's customer list stores it; its runs go to {@link #runLog()}, as every resource's do. */
    public SnapshotStore<CustomerListScope, Customer> customerSnapshots() {
        return customerPorts.snapshots();
    }

    /** The cached customer list, as readers see it. */
    public CachedCustomerReader customers() {
        return customerPorts.customers();
    }

    /** What customer list syncs found changed. */
    public CustomerChangeLog customerChanges() {
        return customerPorts.changes();
    }

    /** The SQLite file, when the cache is one; empty on PostgreSQL. */
    public Optional<Path> file() {
        return file;
    }

    /** What messages and the command line call the cache: the file's path, or {@code postgresql://host:port/database}. */
    public String name() {
        return name;
    }

    /**
     * A new, unpooled JDBC connection to this store's file with exactly the driver settings the
     * store's writer uses (WAL, synchronous, foreign keys, the write lock wait as its busy timeout,
     * transactions that begin IMMEDIATE). Meant for measuring the repository against hand-written JDBC on the same schema
     * and for diagnostics; the caller closes it. Writing through it bypasses every rule of the cache.
     */
    public Connection openJdbcConnection() {
        return jdbc.open();
    }

    /** The pools themselves, for tests of their settings. */
    DataSource writerPool() {
        return writer;
    }

    DataSource readerPool() {
        return reader;
    }

    @Override
    public void close() {
        try {
            pools.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not close the cache's connection pools", e);
        }
    }
}
