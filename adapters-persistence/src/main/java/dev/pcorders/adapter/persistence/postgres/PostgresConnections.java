package dev.pcorders.adapter.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The driver and pool settings of every connection to one PostgreSQL cache. */
final class PostgresConnections {

    private final PostgresLocation location;
    private final PostgresStoreSettings settings;

    PostgresConnections(PostgresLocation location, PostgresStoreSettings settings) {
        this.location = location;
        this.settings = settings;
    }

    /**
     * One connection per call, for Flyway and for callers' own connections. Strings are sent untyped
     * ({@code stringtype=unspecified}): the jOOQ classes are generated from the SQLite schema, where money is text, and
     * PostgreSQL then reads such a value as the column's numeric itself, exactly as written.
     */
    DataSource unpooled() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(location.url());
        location.user().ifPresent(dataSource::setUser);
        location.password().ifPresent(dataSource::setPassword);
        dataSource.setStringType("unspecified");
        // A batch of INSERTs goes as multi-row INSERTs: the server plans and executes one statement per up to 128 rows
        // instead of one per row, which is most of a snapshot's time on the server. Nothing here reads a batch's
        // per-row update counts, which this setting reports as SUCCESS_NO_INFO.
        dataSource.setReWriteBatchedInserts(true);
        dataSource.setApplicationName("pc-orders");
        dataSource.setConnectTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        dataSource.setTcpKeepAlive(true);
        return dataSource;
    }

    /** Writers: read committed, and a lock wait bounded by {@link PostgresStoreSettings#lockWait()}. */
    HikariDataSource writerPool(String name) {
        return pool(name + "-writer", false);
    }

    /**
     * Readers: read-only transactions at repeatable read, so every query of one read sees the same committed state and
     * never half a snapshot; MVCC means they neither wait for writers nor hold them up.
     */
    HikariDataSource readerPool(String name) {
        return pool(name + "-reader", true);
    }

    private HikariDataSource pool(String name, boolean readOnly) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setDataSource(unpooled());
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setMinimumIdle(Math.min(1, settings.poolSize()));
        hikari.setAutoCommit(true);
        hikari.setReadOnly(readOnly);
        if (readOnly) {
            hikari.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        }
        hikari.setConnectionTimeout(settings.connectTimeout().toMillis());
        hikari.setConnectionInitSql("SET lock_timeout = " + settings.lockWait().toMillis());
        return new HikariDataSource(hikari);
    }
}
