package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.ORDER_CHANGE;

import dev.pcorders.adapter.persistence.jooq.tables.records.OrderChangeRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.adapter.persistence.store.KeysetBatches;
import dev.pcorders.adapter.persistence.store.SnapshotTransaction;
import dev.pcorders.adapter.persistence.store.JooqSyncRunLog;
import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.application.order.port.out.OrderChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ChangeKind;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceKind;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.shared.SyncScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The order cache's ports on either store, in the transactions of {@link Transactions}. The run log is the store's
 * {@link JooqSyncRunLog}; this class passes it on so that tests hold every port of an order sync in one object.
 */
final class JooqOrderRepository
        implements SyncRunLog, SnapshotStore<OrderScope, Order>, CachedOrderReader, OrderChangeLog {

    /**
     * Orders held at once by {@link #forEachOrder}. A batch is whole orders (links, provisioning context, the records
     * behind them) while it is read: batches this small keep that transient peak small (measured for reconciliation
     * 2026-11-28, commit 6052314, in the history of docs/PERFORMANCE.md; reconciliation now reads through
     * {@link #forEachOrderToMatch}, which holds one order at a time).
     */
    static final int ORDERS_PER_BATCH = 1_000;

    private final Transactions transactions;
    private final JooqSyncRunLog runLog;
    private final SnapshotTransaction<Order, StoredOrderRecord, CachedOrder> snapshots;
    private final KeysetBatches<StoredOrderRecord, CachedOrder> batches;

    JooqOrderRepository(Transactions transactions, JooqSyncRunLog runLog) {
        this.transactions = transactions;
        this.runLog = runLog;
        this.snapshots = new SnapshotTransaction<>(transactions, OrderSnapshotRows.ORDERS, OrderSnapshotRows.CHANGES);
        this.batches = new KeysetBatches<>(transactions, ORDERS_PER_BATCH);
    }

    @Override
    public SyncRunId startRun(SyncScope scope, CorrelationId correlationId, Instant startedAt) {
        return runLog.startRun(scope, correlationId, startedAt);
    }

    @Override
    public SnapshotSummary replaceSnapshot(SyncRunId run, OrderScope scope, Iterator<Page<Order>> pages) {
        Objects.requireNonNull(scope, "scope");
        return snapshots.replace(run, scope, pages,
                (tx, connection, startedAt) -> new OrderSnapshotRows(tx, connection, scope, startedAt));
    }

    @Override
    public void finishRun(SyncRunId run, SyncRunOutcome outcome) {
        runLog.finishRun(run, outcome);
    }

    @Override
    public Optional<String> lastSucceededScopeKey(ResourceKind kind, CustomerId customer) {
        return runLog.lastSucceededScopeKey(kind, customer);
    }

    @Override
    public List<String> succeededScopeKeys(ResourceKind kind, CustomerId customer) {
        return runLog.succeededScopeKeys(kind, customer);
    }

    @Override
    public List<CachedOrder> findOrders(OrderCriteria criteria, long offset, int limit) {
        Objects.requireNonNull(criteria, "criteria");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        return transactions.inReadTransaction("read cached orders",
                dsl -> StoredOrderReader.read(dsl, CachedOrderQueries.page(dsl, criteria, offset, limit).fetch()));
    }

    @Override
    public void forEachOrder(OrderCriteria criteria, Consumer<CachedOrder> action) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(action, "action");
        batches.forEach("cached orders", new KeysetBatches.Queries<StoredOrderRecord, CachedOrder>() {
            @Override
            public List<StoredOrderRecord> first(DSLContext dsl, int size) {
                return CachedOrderQueries.page(dsl, criteria, 0, size).fetch();
            }

            @Override
            public List<StoredOrderRecord> after(DSLContext dsl, StoredOrderRecord last, int size) {
                return CachedOrderQueries.after(dsl, criteria, last, size).fetch();
            }

            @Override
            public List<CachedOrder> read(DSLContext dsl, List<StoredOrderRecord> rows) {
                return StoredOrderReader.read(dsl, rows);
            }
        }, action);
    }

    /**
     * Leaves links out, and of line items all but a few columns: most of the tables, columns and objects read. One
     * streamed query in one read transaction (see {@link OrdersToMatchReader}), not keyset batches: it holds one
     * order at a time, not a batch of them.
     */
    @Override
    public void forEachOrderToMatch(OrderCriteria criteria, Consumer<CachedOrder> action) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(action, "action");
        transactions.inReadTransaction("read cached orders", dsl -> {
            OrdersToMatchReader.forEach(dsl, criteria, action);
            return null;
        });
    }

    @Override
    public long countOrders(OrderCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return transactions.inReadTransaction("count cached orders", dsl -> (long) dsl.fetchValue(CachedOrderQueries.count(dsl, criteria)));
    }

    @Override
    public List<Money> totalsByCurrency(OrderCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return transactions.inReadTransaction("total cached orders", dsl -> {
            // Decimal text cannot be summed exactly in SQL (SQLite would go through doubles): stream and add here.
            Map<CurrencyCode, BigDecimal> totals = new TreeMap<>();
            try (Cursor<Record2<String, BigDecimal>> rows = dsl.fetchLazy(CachedOrderQueries.totals(dsl, criteria))) {
                for (Record2<String, BigDecimal> row : rows) {
                    totals.merge(CurrencyCode.of(row.value1()), row.value2(), BigDecimal::add);
                }
            }
            List<Money> result = new ArrayList<>();
            totals.forEach((currency, amount) -> result.add(new Money(amount, currency)));
            return List.copyOf(result);
        });
    }

    @Override
    public List<CachedOrder> findOrdersById(OrderId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inReadTransaction("read cached order " + id.value(),
                dsl -> StoredOrderReader.read(dsl, CachedOrderQueries.byId(dsl, id).fetchInto(CachedOrderQueries.ORDERS)));
    }

    @Override
    public List<CachedOrder> findOrdersByAlternateId(String alternateId) {
        Objects.requireNonNull(alternateId, "alternateId");
        return transactions.inReadTransaction("read cached order " + alternateId, dsl -> StoredOrderReader.read(dsl,
                CachedOrderQueries.byAlternateId(dsl, alternateId).fetchInto(CachedOrderQueries.ORDERS)));
    }

    @Override
    public List<OrderChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(run, "run");
        return transactions.inReadTransaction("read the change log", dsl -> {
            List<Condition> conditions = new ArrayList<>();
            customer.ifPresent(value -> conditions.add(ORDER_CHANGE.CUSTOMER_ID.eq(value.toString())));
            run.ifPresent(value -> conditions.add(ORDER_CHANGE.RUN_ID.eq(value.value())));
            List<OrderChange> changes = new ArrayList<>();
            for (OrderChangeRecord row : dsl.selectFrom(ORDER_CHANGE).where(conditions).orderBy(ORDER_CHANGE.CHANGE_ID)) {
                changes.add(new OrderChange(new SyncRunId(row.getRunId()), row.getDetectedAt(), CustomerId.parse(row.getCustomerId()),
                        OrderId.of(row.getOrderId()), new OrderDifference(ChangeKind.valueOf(row.getKind()),
                        row.getLineItemNumber() == null ? OptionalInt.empty() : OptionalInt.of(row.getLineItemNumber()),
                        Optional.ofNullable(row.getBeforeValue()), Optional.ofNullable(row.getAfterValue()))));
            }
            return List.copyOf(changes);
        });
    }
}
