package dev.pcorders.adapter.persistence.order;

import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Test helpers on a store file. Tests may use SQL text (PRAGMAs, EXPLAIN, a planted trigger): the
 * rule against SQL strings is for the adapter's own code.
 */
final class StoreFiles {

    private StoreFiles() {
    }

    /** The orders of cached views, for assertions about what was stored rather than when its prices were fetched. */
    static List<Order> ordersOf(List<CachedOrder> cached) {
        return cached.stream().map(CachedOrder::order).toList();
    }

    static SnapshotSummary sync(JooqOrderRepository repository, OrderScope scope, Iterator<Page<Order>> pages) {
        SyncRunId run = repository.startRun(scope, CorrelationId.random(), Instant.now());
        SnapshotSummary summary = repository.replaceSnapshot(run, scope, pages);
        repository.finishRun(run, SyncRunOutcome.succeeded(Instant.now(), summary));
        return summary;
    }

    /** The rows of a query, each row's columns joined with '|'. */
    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static String single(Connection connection, String sql) throws SQLException {
        List<String> rows = query(connection, sql);
        if (rows.size() != 1) {
            throw new AssertionError(sql + " gave " + rows);
        }
        return rows.get(0);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
