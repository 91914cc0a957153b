package dev.pcorders.adapter.persistence.order;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The driver settings of every connection to one store file. They go in through the driver's
 * data-source properties, which sqlite-jdbc applies to each new connection: several PRAGMAs in one
 * Hikari {@code connectionInitSql} would silently run only the first.
 */
final class SqliteConnections {

    private final String url;
    private final SqliteStoreSettings settings;

    SqliteConnections(Path file, SqliteStoreSettings settings) {
        this.url = "jdbc:sqlite:" + file;
        this.settings = settings;
    }

    /**
     * Writers begin IMMEDIATE transactions: the write lock is taken at BEGIN, so two writers queue
     * there instead of one failing half-way when it upgrades a read lock. SQLite's busy handler is the
     * queue, so a writer's busy timeout is the write lock wait: long enough to outlast another sync.
     */
    SQLiteConfig writerConfig() {
        return config(SQLiteConfig.TransactionMode.IMMEDIATE, settings.writeLockWait());
    }

    /** Readers begin DEFERRED transactions: a consistent snapshot of the WAL without blocking the writer. */
    SQLiteConfig readerConfig() {
        return config(SQLiteConfig.TransactionMode.DEFERRED, settings.busyTimeout());
    }

    private SQLiteConfig config(SQLiteConfig.TransactionMode transactionMode, Duration busyTimeout) {
        SQLiteConfig config = inspectorConfig(transactionMode, busyTimeout);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        return config;
    }

    /** No journal mode: switching to WAL rewrites the file's header, and an inspector must leave a foreign file as it found it. */
    private SQLiteConfig inspectorConfig(SQLiteConfig.TransactionMode transactionMode, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(settings.synchronous() == SqliteStoreSettings.Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setTransactionMode(transactionMode);
        return config;
    }

    /** One unpooled data source with the writer's settings, for Flyway and for callers' own connections. */
    SQLiteDataSource unpooledWriter() {
        return unpooled(writerConfig());
    }

    /**
     * One unpooled data source for looking at a file before deciding to write to it: the readers' settings,
     * but the journal mode left as the file has it.
     */
    SQLiteDataSource unpooledInspector() {
        return unpooled(inspectorConfig(SQLiteConfig.TransactionMode.DEFERRED, settings.busyTimeout()));
    }

    private SQLiteDataSource unpooled(SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /**
     * One connection, so one writer at a time in this process. Waiting for it is the same kind of wait as
     * waiting for another process's writer, so it is bounded by the same write lock wait.
     */
    HikariDataSource writerPool(String name) {
        return pool(name + "-writer", writerConfig(), 1, settings.writeLockWait());
    }

    HikariDataSource readerPool(String name) {
        return pool(name + "-reader", readerConfig(), settings.readerPoolSize(), settings.busyTimeout());
    }

    private HikariDataSource pool(String name, SQLiteConfig config, int size, Duration connectionTimeout) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setDriverClassName("org.sqlite.JDBC");
        hikari.setJdbcUrl(url);
        hikari.setDataSourceProperties(config.toProperties());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(Math.min(1, size));
        hikari.setAutoCommit(true);
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        return new HikariDataSource(hikari);
    }
}
