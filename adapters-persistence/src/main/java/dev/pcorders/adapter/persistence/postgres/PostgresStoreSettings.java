package dev.pcorders.adapter.persistence.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How the PostgreSQL cache talks to its server.
 *
 * @param connectTimeout how long opening a connection (and waiting for a free one of the pool) may take before the
 *                       store gives up with {@code StoreException.Reason.UNREACHABLE} or {@code LOCKED}
 * @param lockWait       how long a snapshot waits for another writer of the same resource (in this process or on
 *                       another machine) to commit; past it the write fails with {@code StoreException.Reason.LOCKED}.
 *                       Writers hold the lock only while they store pages already fetched, so a few minutes is ample
 * @param poolSize       connections per pool (one pool writes, one reads)
 */
public record PostgresStoreSettings(Duration connectTimeout, Duration lockWait, int poolSize) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);
    public static final int DEFAULT_POOL_SIZE = 4;

    public PostgresStoreSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(lockWait, "lockWait");
        // Hikari refuses waits under 250 ms; PostgreSQL takes lock_timeout as an int of milliseconds.
        if (connectTimeout.compareTo(Duration.ofMillis(250)) < 0 || connectTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout must be at least 250 ms, got " + connectTimeout);
        }
        if (lockWait.compareTo(Duration.ofMillis(250)) < 0 || lockWait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lock wait must be between 250 ms and 24 days, got " + lockWait);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
    }

    /** A 10 s connect timeout, a 10 min lock wait, four connections per pool. */
    public static PostgresStoreSettings defaults() {
        return new PostgresStoreSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_LOCK_WAIT, DEFAULT_POOL_SIZE);
    }

    public PostgresStoreSettings withConnectTimeout(Duration value) {
        return new PostgresStoreSettings(value, lockWait, poolSize);
    }

    public PostgresStoreSettings withLockWait(Duration value) {
        return new PostgresStoreSettings(connectTimeout, value, poolSize);
    }

    public PostgresStoreSettings withPoolSize(int value) {
        return new PostgresStoreSettings(connectTimeout, lockWait, value);
    }
}
