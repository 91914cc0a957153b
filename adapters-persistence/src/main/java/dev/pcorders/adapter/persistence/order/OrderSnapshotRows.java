package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.LINE_ITEM;
import static dev.pcorders.adapter.persistence.jooq.Tables.ORDER_CHANGE;
import static dev.pcorders.adapter.persistence.jooq.Tables.ORDER_RESELLER;
import static dev.pcorders.adapter.persistence.jooq.Tables.RESOURCE_LINK;
import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_ORDER;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.adapter.persistence.store.ChangeTable;
import dev.pcorders.adapter.persistence.store.ItemChange;
import dev.pcorders.adapter.persistence.store.ItemKey;
import dev.pcorders.adapter.persistence.store.ItemTable;
import dev.pcorders.adapter.persistence.store.SnapshotRows;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderTransactionType;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Orders for the snapshot writer: keyed by (referenceCustomerId, order id), written by {@link OrderBatches}, read back
 * by {@link StoredOrderReader}, compared by {@link OrderDifference}, and covered by an {@link OrderScope}'s filters.
 * A sync without prices keeps the earlier ones ({@link CachedOrder#afterSync}).
 */
final class OrderSnapshotRows implements SnapshotRows<Order, StoredOrderRecord, CachedOrder> {

    static final ItemTable<StoredOrderRecord> ORDERS = new ItemTable<>(STORED_ORDER, STORED_ORDER.ROW_ID,
            STORED_ORDER.CUSTOMER_ID, STORED_ORDER.ORDER_ID, STORED_ORDER.STORED_BY_RUN, STORED_ORDER.REMOVED_BY_RUN);
    static final ChangeTable CHANGES = new ChangeTable(ORDER_CHANGE, ORDER_CHANGE.CHANGE_ID, ORDER_CHANGE.RUN_ID,
            ORDER_CHANGE.DETECTED_AT, ORDER_CHANGE.CUSTOMER_ID, ORDER_CHANGE.ORDER_ID, ORDER_CHANGE.KIND,
            ORDER_CHANGE.LINE_ITEM_NUMBER, ORDER_CHANGE.BEFORE_VALUE, ORDER_CHANGE.AFTER_VALUE);

    private final OrderScope scope;
    private final Instant detectedAt;
    private final OrderBatches rows;

    /** {@code startedAt}, the run's start, dates the prices it fetched. */
    OrderSnapshotRows(DSLContext tx, Connection connection, OrderScope scope, Instant startedAt) {
        this.scope = scope;
        this.detectedAt = startedAt;
        // The writer holds SQLite's write lock (BEGIN IMMEDIATE), so nobody else can take these ids.
        long nextLinkId = tx.select(DSL.coalesce(DSL.max(RESOURCE_LINK.LINK_ID), 0L)).from(RESOURCE_LINK).fetchSingle().value1() + 1;
        this.rows = new OrderBatches(tx, connection, nextLinkId);
    }

    @Override
    public ItemKey keyOf(Order order) {
        return new ItemKey(order.referenceCustomerId().toString(), order.id().value());
    }

    @Override
    public List<CachedOrder> read(DSLContext tx, List<StoredOrderRecord> current) {
        return StoredOrderReader.read(tx, current);
    }

    @Override
    public CachedOrder afterSync(Order order, Optional<CachedOrder> before) {
        return CachedOrder.afterSync(order, scope.includePrice(), detectedAt, before);
    }

    @Override
    public List<ItemChange> compare(Optional<CachedOrder> before, CachedOrder after) {
        List<OrderDifference> differences = before.isEmpty()
                ? List.of(OrderDifference.added(after.order()))
                : OrderDifference.between(before.get().order(), after.order());
        List<ItemChange> changes = new ArrayList<>(differences.size());
        for (OrderDifference difference : differences) {
            changes.add(new ItemChange(difference.kind().name(), difference.lineItemNumber(), difference.before(), difference.after()));
        }
        return changes;
    }

    @Override
    public void addRows(long rowId, long scopeId, long runId, CachedOrder view) {
        rows.add(rowId, scopeId, runId, view);
    }

    @Override
    public void executeRows() {
        rows.execute();
    }

    @Override
    public void pageWritten(DSLContext tx, Set<ItemKey> keys) {
        scope.reseller().ifPresent(reseller -> rememberReseller(tx, keys, reseller.toString()));
    }

    private static void rememberReseller(DSLContext tx, Set<ItemKey> keys, String reseller) {
        BatchBindStep seen = tx.batch(tx.insertInto(ORDER_RESELLER, ORDER_RESELLER.CUSTOMER_ID, ORDER_RESELLER.ORDER_ID,
                        ORDER_RESELLER.RESELLER_ID)
                .values((String) null, null, null)
                .onConflictDoNothing());
        for (ItemKey key : keys) {
            seen = seen.bind(key.owner(), key.id(), reseller);
        }
        seen.execute();
    }

    /** {@link OrderScope#covers} in SQL, on the current row of an order of the scope's customer. */
    @Override
    public Condition covered() {
        List<Condition> conditions = new ArrayList<>();
        if (!scope.includeSystemPurchases()) {
            conditions.add(STORED_ORDER.TRANSACTION_TYPE_KNOWN.isNull().or(STORED_ORDER.TRANSACTION_TYPE_KNOWN.notIn(
                    OrderTransactionType.SYSTEM_PURCHASE.name(), OrderTransactionType.SYSTEM_BILLING.name())));
        }
        scope.billingType().ifPresent(cycle -> conditions.add(STORED_ORDER.BILLING_CYCLE_KNOWN.eq(cycle.name())));
        scope.reseller().ifPresent(reseller -> conditions.add(DSL.exists(DSL.selectOne().from(ORDER_RESELLER)
                .where(ORDER_RESELLER.CUSTOMER_ID.eq(STORED_ORDER.CUSTOMER_ID))
                .and(ORDER_RESELLER.ORDER_ID.eq(STORED_ORDER.ORDER_ID))
                .and(ORDER_RESELLER.RESELLER_ID.eq(reseller.toString())))));
        return DSL.and(conditions);
    }

    /** OrderDifference.removed(order): the status as sent before, nothing after. */
    @Override
    public Field<String> removedBefore() {
        return STORED_ORDER.STATUS;
    }

    /** Forgets which reseller syncs returned the orders just removed; called after the update, as {@link #covered} asks these rows. */
    @Override
    public void itemsRemoved(DSLContext tx, Condition removedNow) {
        tx.deleteFrom(ORDER_RESELLER).where(ORDER_RESELLER.CUSTOMER_ID.eq(scope.customer().toString()))
                .and(ORDER_RESELLER.ORDER_ID.in(DSL.select(STORED_ORDER.ORDER_ID).from(STORED_ORDER).where(removedNow)))
                .execute();
    }

    @Override
    public long countNested(DSLContext tx, Condition orders) {
        return tx.fetchCount(tx.select(LINE_ITEM.ORDER_ROW_ID).from(LINE_ITEM)
                .join(STORED_ORDER).on(STORED_ORDER.ROW_ID.eq(LINE_ITEM.ORDER_ROW_ID))
                .where(orders));
    }

    @Override
    public void close() {
        rows.close();
    }
}
