package dev.pcorders.adapter.persistence.store;

import dev.pcorders.adapter.persistence.jooq.tables.records.SyncRunRecord;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.sql.Connection;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * {@code SnapshotStore.replaceSnapshot} for any resource: one write transaction that checks the run belongs to the
 * scope and has stored nothing yet, writes the pages through a {@link SnapshotWriter}, and marks the run's snapshot
 * stored. Whatever fails, the iterator included, rolls it all back and propagates as thrown.
 *
 * @param <T> the item as fetched
 * @param <R> the record of the item table
 * @param <V> the view the cache keeps of an item
 */
public final class SnapshotTransaction<T, R extends Record, V> {

    /** The resource's rows for one snapshot, on the write transaction's connection. */
    @FunctionalInterface
    public interface RowsOfOneSnapshot<T, R extends Record, V> {
        SnapshotRows<T, R, V> open(DSLContext tx, Connection connection, Instant runStartedAt);
    }

    private final Transactions transactions;
    private final ItemTable<R> items;
    private final ChangeTable changes;

    public SnapshotTransaction(Transactions transactions, ItemTable<R> items, ChangeTable changes) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.items = Objects.requireNonNull(items, "items");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    public SnapshotSummary replace(SyncRunId run, SyncScope scope, Iterator<Page<T>> pages, RowsOfOneSnapshot<T, R, V> rows) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(pages, "pages");
        return transactions.inWriteTransaction("store the snapshot of sync run " + run.value(), tx -> {
            transactions.lockForSnapshot(tx, items.table());
            SyncRunRecord record = JooqSyncRunLog.runForSnapshot(tx, run, scope);
            SnapshotSummary summary;
            try (SnapshotWriter<T, R, V> snapshot = new SnapshotWriter<>(tx, items, changes, run.value(), record.getScopeId(),
                    JooqSyncRunLog.ownerOf(scope), record.getStartedAt(),
                    connection -> rows.open(tx, connection, record.getStartedAt()))) {
                while (pages.hasNext()) {
                    snapshot.write(pages.next());
                }
                summary = snapshot.finish();
            }
            JooqSyncRunLog.snapshotStored(tx, run);
            return summary;
        });
    }
}
