package dev.pcorders.adapter.persistence.store;

import java.time.Duration;

/**
 * How a store's writes have used its write lock since it opened (SQLite's single write lock; on PostgreSQL the
 * transactions that write and the snapshot locks they queue for): the time write transactions held it, the time they
 * queued for it, and how many there were. A sync whose held time nears its wall time is bound by the writer, not by
 * Partner Center.
 *
 * @param held         summed over write transactions, from taking the writer to letting it go
 * @param waited       summed over write transactions, queueing for the writer in this process
 * @param transactions write transactions ended, committed or not
 */
public record WriteLockUse(Duration held, Duration waited, long transactions) {
}
