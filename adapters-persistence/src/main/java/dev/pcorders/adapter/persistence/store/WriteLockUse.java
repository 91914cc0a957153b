package dev.pcorders.adapter.persistence.store;

import java.time.Duration;

/**
 * How a store's writes have used SQLite's single write lock since it opened: the time write transactions held it, the
 * time they queued for it, and how many there were. A sync whose held time nears its wall time is bound by the writer,
 * not by Partner Center.
 *
 * @param held         summed over write transactions, from taking the writer to letting it go
 * @param waited       summed over write transactions, queueing for the writer in this process
 * @param transactions write transactions ended, committed or not
 */
public record WriteLockUse(Duration held, Duration waited, long transactions) {
}
