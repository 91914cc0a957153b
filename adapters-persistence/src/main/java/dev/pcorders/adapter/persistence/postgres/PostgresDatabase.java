package dev.pcorders.adapter.persistence.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.pcorders.adapter.persistence.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One PostgreSQL cache, opened: its schema brought up to date, a writer and a reader pool, and their
 * {@link Transactions}. The cache's ports are built on it by {@code CacheStore}; {@link #close()} stops the pools.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final AtomicInteger OPENED = new AtomicInteger();

    private final PostgresLocation location;
    private final PostgresConnections connections;
    private final PostgresFailures failures;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final PostgresTransactions transactions;

    private PostgresDatabase(PostgresLocation location, PostgresConnections connections, PostgresFailures failures,
                             HikariDataSource writer, HikariDataSource reader) {
        this.location = location;
        this.connections = connections;
        this.failures = failures;
        this.writer = writer;
        this.reader = reader;
        this.transactions = new PostgresTransactions(writer, reader, failures);
    }

    /**
     * Connects, creates or migrates the schema (refusing a newer or a foreign one) and starts the pools.
     *
     * @throws dev.pcorders.application.shared.port.out.StoreException when the server cannot be reached, refuses the
     *         login, has no such database, or holds a schema this build must not write
     */
    public static PostgresDatabase open(PostgresLocation location, PostgresStoreSettings settings) {
        return open(location, settings, false);
    }

    /**
     * As {@link #open(PostgresLocation, PostgresStoreSettings)}, but for reading only: a database without a cache is
     * refused ({@code NOT_FOUND}) instead of given one, and every write fails with a {@code NOT_WRITABLE} store failure.
     */
    public static PostgresDatabase openReadOnly(PostgresLocation location, PostgresStoreSettings settings) {
        return open(location, settings, true);
    }

    private static PostgresDatabase open(PostgresLocation location, PostgresStoreSettings settings, boolean readOnly) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(settings, "settings");
        PostgresFailures failures = new PostgresFailures(location, settings);
        PostgresConnections connections = new PostgresConnections(location, settings);
        new PostgresSchema(location, failures).migrate(connections.unpooled(), !readOnly);
        String poolName = "pc-orders-postgres-" + OPENED.incrementAndGet();
        HikariDataSource writer = null;
        try {
            writer = readOnly ? connections.readerPool(poolName + "-read-only") : connections.writerPool(poolName);
            HikariDataSource reader = connections.readerPool(poolName);
            return new PostgresDatabase(location, connections, failures, writer, reader);
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.close();
            }
            throw failures.translate("open connections", e);
        }
    }

    public Transactions transactions() {
        return transactions;
    }

    public PostgresLocation location() {
        return location;
    }

    /** A new, unpooled connection with the store's driver settings; the caller closes it. */
    public Connection openJdbcConnection() {
        try {
            return connections.unpooled().getConnection();
        } catch (SQLException e) {
            throw failures.translate("open a JDBC connection", e);
        }
    }

    public DataSource writerPool() {
        return writer;
    }

    public DataSource readerPool() {
        return reader;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            writer.close();
        }
    }
}
