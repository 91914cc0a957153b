package dev.pcorders.bootstrap;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;

/** {@code pc-orders.cache.*}: the SQLite file and how it is opened. */
@ConfigurationProperties("pc-orders.cache")
public class CacheConfiguration {

    private static final SqliteStoreSettings DEFAULTS = SqliteStoreSettings.defaults();

    private boolean enabled = true;
    private Path path = Path.of("pc-orders.db");
    private SqliteStoreSettings.Synchronous synchronous = DEFAULTS.synchronous();
    private Duration busyTimeout = DEFAULTS.busyTimeout();
    private Duration writeLockWait = DEFAULTS.writeLockWait();

    public SqliteStoreSettings toSettings() {
        return DEFAULTS.withSynchronous(synchronous).withBusyTimeout(busyTimeout).withWriteLockWait(writeLockWait);
    }

    /**
     * {@code false} for an application that only reads orders live: no cache file is created, and the
     * cache use cases say what to configure.
     */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    /** How long a read waits on a busy file (default 10 s). */
    public Duration getBusyTimeout() {
        return busyTimeout;
    }

    public void setBusyTimeout(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }

    /** How long a sync waits for another sync of the same file, in this process or another, to commit (default 10 min). */
    public Duration getWriteLockWait() {
        return writeLockWait;
    }

    public void setWriteLockWait(Duration writeLockWait) {
        this.writeLockWait = writeLockWait;
    }
}
