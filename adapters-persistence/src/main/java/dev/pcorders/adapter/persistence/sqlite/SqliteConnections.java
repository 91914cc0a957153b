package dev.pcorders.adapter.persistence.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The driver settings of every connection to one store file. They go in through the driver's
 * data-source properties, which sqlite-jdbc applies to each new connection: several PRAGMAs in one
 * Hikari {@code connectionInitSql} would silently run only the first.
 */
public final class SqliteConnections {

    private final Path file;
    private final String url;
    private final SqliteStoreSettings settings;

    public SqliteConnections(Path file, SqliteStoreSettings settings) {
        this.file = file;
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
    public SQLiteDataSource unpooledWriter() {
        return unpooled(writerConfig());
    }

    /**
     * One unpooled data source for looking at a file before deciding to write to it: the readers' settings,
     * but the journal mode left as the file has it.
     */
    public SQLiteDataSource unpooledInspector() {
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
    public HikariDataSource writerPool(String name) {
        return pool(name + "-writer", writerConfig(), 1, settings.writeLockWait());
    }

    public HikariDataSource readerPool(String name) {
        return pool(name + "-reader", readerConfig(), settings.readerPoolSize(), settings.busyTimeout());
    }

    /**
     * Readers that never write, migrate or create the file, and leave nothing beside it. A connection opened with
     * SQLite's read-only flag cannot remove the -wal and -shm files a WAL database gets while it is open (measured:
     * both stay after it closes), so where this process may write the folder and the file, readers open them
     * read-write but {@code query_only}: the last connection to close then removes those files as it does for any
     * writer. Where it may not, readers use the read-only flag, which needs the -shm of a writer that is running
     * (or crashed) next to its -wal; with no -wal there is no writer to see, and the file is opened {@code immutable},
     * which reads it without the lock and -shm files that a read-only folder cannot hold.
     */
    public HikariDataSource readOnlyPool(String name) {
        Path folder = file.getParent();
        SQLiteConfig config = inspectorConfig(SQLiteConfig.TransactionMode.DEFERRED, settings.busyTimeout());
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        String readOnlyUrl = url;
        String initSql = null;
        if (folder != null && Files.isWritable(folder) && Files.isWritable(file)) {
            initSql = "PRAGMA query_only = 1";
        } else {
            config.setReadOnly(true);
            boolean writerFiles = Files.exists(Path.of(file + "-wal"));
            String path = file.toString().replace("%", "%25").replace("#", "%23");
            readOnlyUrl = "jdbc:sqlite:file:" + path + (writerFiles ? "?mode=ro" : "?mode=ro&immutable=1");
        }
        return pool(name + "-reader", readOnlyUrl, config, settings.readerPoolSize(), settings.busyTimeout(), initSql);
    }

    private HikariDataSource pool(String name, SQLiteConfig config, int size, Duration connectionTimeout) {
        return pool(name, url, config, size, connectionTimeout, null);
    }

    private HikariDataSource pool(String name, String jdbcUrl, SQLiteConfig config, int size, Duration connectionTimeout,
                                  String connectionInitSql) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setDriverClassName("org.sqlite.JDBC");
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setConnectionInitSql(connectionInitSql);
        // Hikari sets every connection's read-only flag, and sqlite-jdbc refuses a flag other than the one it opened with.
        hikari.setReadOnly((config.getOpenModeFlags() & SQLiteOpenMode.READONLY.flag) != 0);
        hikari.setDataSourceProperties(config.toProperties());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(Math.min(1, size));
        hikari.setAutoCommit(true);
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        return new HikariDataSource(hikari);
    }
}
