package dev.pcorders.adapter.persistence.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SQLite order store talks to its file.
 *
 * @param busyTimeout    how long a read waits when SQLite reports the file busy (in WAL mode readers
 *                       rarely wait at all) before giving up with {@code StoreException.Reason.LOCKED}
 * @param writeLockWait  how long a write (a sync's snapshot, the start or end of a run, a schema
 *                       migration on open) waits for the write lock that another writer, in this process
 *                       or another, holds. A sync holds it from its first page to its commit, and its pages
 *                       come from Partner Center, so this must cover the longest sync that may overlap
 *                       another; past it the write fails with {@code StoreException.Reason.LOCKED}
 * @param synchronous    {@link Synchronous#NORMAL} (the WAL default: a power cut may lose the last
 *                       commits but never corrupts) or {@link Synchronous#FULL} (every commit is durable)
 * @param readerPoolSize connections for reads, which run alongside the single writer
 */
public record SqliteStoreSettings(Duration busyTimeout, Duration writeLockWait, Synchronous synchronous, int readerPoolSize) {

    /** SQLite's {@code synchronous} setting for a database in WAL mode. */
    public enum Synchronous {
        NORMAL,
        FULL
    }

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WRITE_LOCK_WAIT = Duration.ofMinutes(10);
    public static final int DEFAULT_READER_POOL_SIZE = 4;

    public SqliteStoreSettings {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(writeLockWait, "writeLockWait");
        Objects.requireNonNull(synchronous, "synchronous");
        requireWaitInRange("busy timeout", busyTimeout);
        requireWaitInRange("write lock wait", writeLockWait);
        if (readerPoolSize < 1) {
            throw new IllegalArgumentException("reader pool size must be at least 1, got " + readerPoolSize);
        }
    }

    // Hikari refuses waits under 250 ms, and SQLite takes a busy timeout as an int of milliseconds.
    private static void requireWaitInRange(String name, Duration wait) {
        if (wait.compareTo(Duration.ofMillis(250)) < 0 || wait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 250 ms and 24 days, got " + wait);
        }
    }

    /** WAL with synchronous NORMAL, a 10 s busy timeout, a 10 min write lock wait, four readers. */
    public static SqliteStoreSettings defaults() {
        return new SqliteStoreSettings(DEFAULT_BUSY_TIMEOUT, DEFAULT_WRITE_LOCK_WAIT, Synchronous.NORMAL, DEFAULT_READER_POOL_SIZE);
    }

    public SqliteStoreSettings withBusyTimeout(Duration value) {
        return new SqliteStoreSettings(value, writeLockWait, synchronous, readerPoolSize);
    }

    public SqliteStoreSettings withWriteLockWait(Duration value) {
        return new SqliteStoreSettings(busyTimeout, value, synchronous, readerPoolSize);
    }

    public SqliteStoreSettings withSynchronous(Synchronous value) {
        return new SqliteStoreSettings(busyTimeout, writeLockWait, value, readerPoolSize);
    }

    public SqliteStoreSettings withReaderPoolSize(int value) {
        return new SqliteStoreSettings(busyTimeout, writeLockWait, synchronous, value);
    }
}
