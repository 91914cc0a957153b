package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.execute;
import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.RESELLER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.shared.Page;

import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the repository contract checks through reads, checked here on the rows themselves: a sync of
 * one scope leaves another scope's rows as they were, and a failure raised by the database (not by the
 * page source, which the contract covers) half-way through a snapshot leaves no row behind.
 */
class SnapshotIsolationTest {

    private static final OrderScope ALL = OrderScope.allOrdersOf(CUSTOMER);
    private static final OrderScope VIA_RESELLER = ALL.withReseller(ResellerId.parse(RESELLER));
    private static final List<String> TABLES = List.of("stored_order", "line_item", "provisioning_entry", "resource_link",
            "link_header", "order_change");

    @TempDir
    Path folder;

    @Test
    void syncsOfAFilteredScopeLeaveTheRowsOfOrdersTheyDoNotCoverAsTheyWere() throws SQLException {
        Order shared = anOrder("shared").lineItems(List.of(aLineItem(0).partnerIdOnRecord(RESELLER).build())).build();
        try (CacheStore store = CacheStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            JooqOrderRepository orders = store.cache();
            sync(orders, ALL, List.of(page(1, anOrder("direct").build(), shared)).iterator());
            List<String> rowsOfDirect = rowsOfOrder(connection, "direct");

            // Add, change and then remove, through the reseller filter only.
            Order sharedCancelled = shared.toBuilder().status(OrderStatus.CANCELLED).build();
            sync(orders, VIA_RESELLER, List.of(page(1, shared)).iterator());
            SnapshotSummary changed = sync(orders, VIA_RESELLER, List.of(page(1, sharedCancelled, anOrder("reseller-only").build())).iterator());
            SnapshotSummary emptied = sync(orders, VIA_RESELLER, List.<Page<Order>>of().iterator());

            assertThat(changed.changed()).isEqualTo(1);
            assertThat(emptied.removed()).as("both orders the filter returned before").isEqualTo(2);
            assertThat(rowsOfOrder(connection, "direct")).as("row, children and run id of an order the filter never returned")
                    .isEqualTo(rowsOfDirect);
            assertThat(query(connection, "SELECT count(*) FROM stored_order WHERE removed_by_run IS NULL GROUP BY customer_id, order_id"))
                    .as("one current row per order").containsOnly("1");
            assertThat(query(connection, "SELECT count(*) FROM order_reseller")).as("removed orders forget their reseller")
                    .containsExactly("0");
            assertThat(StoreFiles.ordersOf(orders.findOrders(OrderCriteria.ALL, 0, 10))).containsExactly(anOrder("direct").build());
        }
    }

    @Test
    void forEachOrderReadsEveryBatchFromTheStateItStartedInWhileASyncCommits() {
        int count = JooqOrderRepository.ORDERS_PER_BATCH + 200;
        Order[] before = IntStream.range(0, count).mapToObj(i -> anOrder(String.format("before-%05d", i)).build())
                .toArray(Order[]::new);
        try (CacheStore store = CacheStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults())) {
            JooqOrderRepository orders = store.cache();
            sync(orders, ALL, List.of(page(1, before)).iterator());
            List<String> seen = new ArrayList<>();

            orders.forEachOrder(OrderCriteria.ALL, cached -> {
                if (seen.isEmpty()) {
                    // Commits while the first batch is being handed over: the later batches must not see it.
                    sync(orders, ALL, List.of(page(1, anOrder("after").build())).iterator());
                }
                seen.add(cached.order().id().value());
            });

            assertThat(seen).as("all of the state the reading started in, nothing of the sync committed meanwhile")
                    .hasSize(count).doesNotContain("after").doesNotHaveDuplicates();
            List<String> now = new ArrayList<>();
            orders.forEachOrder(OrderCriteria.ALL, cached -> now.add(cached.order().id().value()));
            assertThat(now).containsExactly("after");
        }
    }

    @Test
    void aDatabaseFailureHalfWayThroughASnapshotLeavesNoRowAndTheWriterUsable() throws SQLException {
        try (CacheStore store = CacheStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            JooqOrderRepository orders = store.cache();
            sync(orders, ALL, List.of(page(1, anOrder("a").build(), anOrder("b").build())).iterator());
            // A failure only SQLite can raise, on the second page, after the first page's rows went in.
            execute(connection, "CREATE TRIGGER planted_failure BEFORE INSERT ON line_item WHEN NEW.friendly_name = 'explode'"
                    + " BEGIN SELECT RAISE(ABORT, 'planted failure'); END");
            Map<String, String> rowsBefore = rowCounts(connection);
            List<OrderChange> changesBefore = orders.findChanges(Optional.empty(), Optional.empty());
            Order exploding = anOrder("x").lineItems(List.of(aLineItem(0).friendlyName("explode").build())).build();
            SyncRunId run = orders.startRun(ALL, CorrelationId.random(), Instant.now());

            assertThatThrownBy(() -> orders.replaceSnapshot(run, ALL, List.of(
                    page(1, anOrder("a").status(OrderStatus.CANCELLED).build(), anOrder("c").build()),
                    page(2, exploding)).iterator()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("planted failure")
                    .isNotInstanceOf(DataAccessException.class);
            orders.finishRun(run, SyncRunOutcome.failed(Instant.now(), "planted failure"));

            assertThat(rowCounts(connection)).isEqualTo(rowsBefore);
            assertThat(query(connection, "SELECT count(*) FROM stored_order WHERE stored_by_run = " + run.value()
                    + " OR removed_by_run = " + run.value())).containsExactly("0");
            assertThat(single(connection, "SELECT snapshot_stored || '|' || outcome FROM sync_run WHERE run_id = " + run.value()))
                    .isEqualTo("0|failed");
            assertThat(StoreFiles.ordersOf(orders.findOrders(OrderCriteria.ALL, 0, 10))).containsExactly(anOrder("a").build(), anOrder("b").build());
            assertThat(orders.findChanges(Optional.empty(), Optional.empty())).isEqualTo(changesBefore);

            execute(connection, "DROP TRIGGER planted_failure");
            assertThat(sync(orders, ALL, List.of(page(1, anOrder("a").build(), anOrder("c").build())).iterator()))
                    .as("the single writer connection is not left in a broken transaction")
                    .isEqualTo(new SnapshotSummary(1, 2, 2, 1, 0, 1));
        }
    }

    private static List<String> rowsOfOrder(Connection connection, String orderId) throws SQLException {
        return query(connection, "SELECT o.row_id, o.customer_id, o.order_id, o.stored_by_run, o.removed_by_run, o.status,"
                + " (SELECT group_concat(l.line_item_number || ':' || l.quantity || ':' || l.offer_id, ',') FROM line_item l"
                + "  WHERE l.order_row_id = o.row_id),"
                + " (SELECT count(*) FROM resource_link r WHERE r.order_row_id = o.row_id)"
                + " FROM stored_order o WHERE o.order_id = '" + orderId + "' ORDER BY o.row_id");
    }

    private static Map<String, String> rowCounts(Connection connection) throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, single(connection, "SELECT count(*) FROM " + table));
        }
        return counts;
    }
}
