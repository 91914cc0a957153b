package dev.pcorders.bootstrap;

import dev.pcorders.adapter.persistence.order.SqliteStoreSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;

/** {@code pc-orders.cache.*}: the SQLite file and how it is opened. */
@ConfigurationProperties("pc-orders.cache")
public class CacheConfiguration {

    private static final SqliteStoreSettings DEFAULTS = SqliteStoreSettings.defaults();

    private Path path = Path.of("pc-orders.db");
    private SqliteStoreSettings.Synchronous synchronous = DEFAULTS.synchronous();
    private Duration busyTimeout = DEFAULTS.busyTimeout();

    public SqliteStoreSettings toSettings() {
        return DEFAULTS.withSynchronous(synchronous).withBusyTimeout(busyTimeout);
    }

    public Path getPath() {
        return path;
    }

    public void setPath(Path path) {
        this.path = path;
    }

    /** {@code NORMAL} (the default: WAL-safe, may lose the last commits on power loss) or {@code FULL}. */
    public SqliteStoreSettings.Synchronous getSynchronous() {
        return synchronous;
    }

    public void setSynchronous(SqliteStoreSettings.Synchronous synchronous) {
        this.synchronous = synchronous;
    }

    public Duration getBusyTimeout() {
        return busyTimeout;
    }

    public void setBusyTimeout(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }
}
