package dev.pcorders.adapter.persistence.order;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SQLite order store talks to its file.
 *
 * @param busyTimeout    how long a write waits for another writer (this process or another one) before
 *                       giving up with {@code OrderStoreException.Reason.LOCKED}
 * @param synchronous    {@link Synchronous#NORMAL} (the WAL default: a power cut may lose the last
 *                       commits but never corrupts) or {@link Synchronous#FULL} (every commit is durable)
 * @param readerPoolSize connections for reads, which run alongside the single writer
 */
public record SqliteStoreSettings(Duration busyTimeout, Synchronous synchronous, int readerPoolSize) {

    /** SQLite's {@code synchronous} setting for a database in WAL mode. */
    public enum Synchronous {
        NORMAL,
        FULL
    }

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_READER_POOL_SIZE = 4;

    public SqliteStoreSettings {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(synchronous, "synchronous");
        // Hikari refuses waits under 250 ms, and SQLite takes the timeout as an int of milliseconds.
        if (busyTimeout.compareTo(Duration.ofMillis(250)) < 0 || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout must be between 250 ms and 24 days, got " + busyTimeout);
        }
        if (readerPoolSize < 1) {
            throw new IllegalArgumentException("reader pool size must be at least 1, got " + readerPoolSize);
        }
    }

    /** WAL with synchronous NORMAL, a 10 s busy timeout, four readers. */
    public static SqliteStoreSettings defaults() {
        return new SqliteStoreSettings(DEFAULT_BUSY_TIMEOUT, Synchronous.NORMAL, DEFAULT_READER_POOL_SIZE);
    }

    public SqliteStoreSettings withBusyTimeout(Duration value) {
        return new SqliteStoreSettings(value, synchronous, readerPoolSize);
    }

    public SqliteStoreSettings withSynchronous(Synchronous value) {
        return new SqliteStoreSettings(busyTimeout, value, readerPoolSize);
    }

    public SqliteStoreSettings withReaderPoolSize(int value) {
        return new SqliteStoreSettings(busyTimeout, synchronous, value);
    }
}
