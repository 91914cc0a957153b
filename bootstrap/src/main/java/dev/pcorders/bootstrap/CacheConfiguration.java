package dev.pcorders.bootstrap;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code pc-orders.cache.*}: the SQLite file and how it is opened, or ({@code url}) the PostgreSQL database a team shares
 * and who logs in to it.
 */
@ConfigurationProperties("pc-orders.cache")
public class CacheConfiguration {

    private static final SqliteStoreSettings DEFAULTS = SqliteStoreSettings.defaults();

    private boolean enabled = true;
    private Path path = Path.of("pc-orders.db");
    private SqliteStoreSettings.Synchronous synchronous = DEFAULTS.synchronous();
    private Duration busyTimeout = DEFAULTS.busyTimeout();
    private Duration writeLockWait = DEFAULTS.writeLockWait();
    private String url;
    private String user;
    private String password;

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

    /**
     * A {@code jdbc:postgresql://host:port/database} URL: the cache is then that database instead of the file at
     * {@code path}, and {@code user} and {@code password} log in to it (else the URL's parameters or ~/.pgpass).
     */
    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Never logged or printed; take it from the environment or a secret store, not a file in the repository. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
