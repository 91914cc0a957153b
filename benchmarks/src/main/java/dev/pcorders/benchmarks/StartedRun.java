package dev.pcorders.benchmarks;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A sync run started on a fresh store, ready to have its snapshot stored by either side of the store benchmarks: the
 * repository, or {@link RawJdbcSnapshot}'s batches of the same rows under the same run and scope.
 */
record StartedRun(CacheStore store, OrderScope scope, SyncRunId run, long scopeId, Instant startedAt) {

    static StartedRun on(CacheStore store, OrderScope scope) throws SQLException {
        Instant startedAt = Instant.now();
        SyncRunId run = store.runLog().startRun(scope, CorrelationId.random(), startedAt);
        try (Connection connection = store.openJdbcConnection()) {
            return new StartedRun(store, scope, run, RawJdbcSnapshot.scopeOf(connection, run.value()), startedAt);
        }
    }

    /** The adapter: {@code SnapshotStore.replaceSnapshot} of the run, as a sync calls it. */
    SnapshotSummary storeByRepository(List<Page<Order>> pages) {
        return store.orderSnapshots().replaceSnapshot(run, scope, pages.iterator());
    }

    /** The baseline: the same rows with batched prepared statements in one transaction. */
    long storeByRawJdbc(List<Page<Order>> pages) throws SQLException {
        try (Connection connection = store.openJdbcConnection()) {
            return RawJdbcSnapshot.write(connection, run.value(), scopeId, startedAt, pages.iterator());
        }
    }
}
