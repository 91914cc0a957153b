package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.LINE_ITEM;
import static dev.pcorders.adapter.persistence.jooq.Tables.ORDER_CHANGE;
import static dev.pcorders.adapter.persistence.jooq.Tables.ORDER_RESELLER;
import static dev.pcorders.adapter.persistence.jooq.Tables.RESOURCE_LINK;
import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_ORDER;

import dev.pcorders.adapter.persistence.sqlite.RowBatch;
import dev.pcorders.adapter.persistence.jooq.tables.StoredOrder;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ChangeKind;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderDifference;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderTransactionType;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Stores one sync of one scope inside the caller's transaction, a page at a time, so memory holds one
 * page and its previous versions, never the whole scope.
 *
 * <p>Each order of a page gets a new row stored by this run: its new view ({@link CachedOrder#afterSync},
 * so a sync without prices keeps the earlier ones), whose differences from the current view (found by key
 * whatever scope wrote it, read back in full) go to the change log. The previous row stays until
 * {@link #finish}, so an order sent twice in one sync is compared with the previous view again, not with
 * its own first copy. {@code finish} marks the orders that the scope covers and that did not come back as
 * removed, deletes the rows the new ones supersede, and counts.
 */
final class SnapshotWriter implements AutoCloseable {

    /** Order ids per IN list, well under SQLite's limit on bound parameters. */
    private static final int KEYS_PER_QUERY = 500;

    private record OrderKey(String customer, String orderId) {
        static OrderKey of(Order order) {
            return new OrderKey(order.referenceCustomerId().toString(), order.id().value());
        }
    }

    private final DSLContext tx;
    private final Connection connection;
    private final long runId;
    private final long scopeId;
    private final OrderScope scope;
    private final Instant detectedAt;
    private final OrderBatches rows;
    private final RowBatch changes;
    private long nextRowId;
    private long pages;
    private int lastPageNumber = -1;
    /** Normally the scope's customer alone; an order sent with another referenceCustomerId is kept under that one. */
    private final Set<String> customersWritten = new LinkedHashSet<>();

    /**
     * Prepares the INSERTs on the transaction's connection; {@link #close} releases them. {@code startedAt},
     * the run's start, dates its changes and the prices it fetched.
     */
    SnapshotWriter(DSLContext tx, long runId, long scopeId, OrderScope scope, Instant startedAt) {
        this.tx = tx;
        this.runId = runId;
        this.scopeId = scopeId;
        this.scope = scope;
        this.detectedAt = startedAt;
        // The writer holds SQLite's write lock (BEGIN IMMEDIATE), so nobody else can take these ids.
        this.nextRowId = tx.select(DSL.coalesce(DSL.max(STORED_ORDER.ROW_ID), 0L)).from(STORED_ORDER).fetchSingle().value1() + 1;
        long nextLinkId = tx.select(DSL.coalesce(DSL.max(RESOURCE_LINK.LINK_ID), 0L)).from(RESOURCE_LINK).fetchSingle().value1() + 1;
        this.connection = tx.configuration().connectionProvider().acquire();
        OrderBatches orderRows = null;
        try {
            orderRows = new OrderBatches(tx, connection, nextLinkId);
            this.changes = new RowBatch(tx, connection, ORDER_CHANGE, ORDER_CHANGE.CHANGE_ID);
        } catch (RuntimeException e) {
            try (OrderBatches prepared = orderRows) {
                tx.configuration().connectionProvider().release(connection);
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        this.rows = orderRows;
    }

    void write(Page<Order> page) {
        // Parts of one large response carry its page number: pages count responses, as Partner Center served them.
        if (page.pageNumber() != lastPageNumber) {
            pages++;
            lastPageNumber = page.pageNumber();
        }
        Map<OrderKey, Order> orders = new LinkedHashMap<>();
        for (Order order : page.items()) {
            OrderKey key = OrderKey.of(order);
            orders.put(key, order);
            customersWritten.add(key.customer());
        }
        if (orders.isEmpty()) {
            return;
        }
        List<StoredOrderRecord> previousRows = new ArrayList<>();
        Map<OrderKey, Long> storedEarlierThisRun = new HashMap<>();
        for (StoredOrderRecord row : existingRows(orders.keySet())) {
            OrderKey key = new OrderKey(row.getCustomerId(), row.getOrderId());
            if (row.getStoredByRun() == runId) {
                storedEarlierThisRun.put(key, row.getRowId());
            } else if (row.getRemovedByRun() == null) {
                previousRows.add(row);
            }
        }
        Map<OrderKey, CachedOrder> previous = new HashMap<>();
        List<CachedOrder> previousOrders = StoredOrderReader.read(tx, previousRows);
        for (int i = 0; i < previousRows.size(); i++) {
            previous.put(new OrderKey(previousRows.get(i).getCustomerId(), previousRows.get(i).getOrderId()), previousOrders.get(i));
        }

        BatchBindStep forgetRows = null;
        BatchBindStep forgetChanges = null;
        if (!storedEarlierThisRun.isEmpty()) {
            forgetRows = tx.batch(tx.deleteFrom(STORED_ORDER)
                    .where(STORED_ORDER.ROW_ID.eq(DSL.param(STORED_ORDER.ROW_ID))));
            forgetChanges = tx.batch(tx.deleteFrom(ORDER_CHANGE)
                    .where(ORDER_CHANGE.RUN_ID.eq(DSL.param(ORDER_CHANGE.RUN_ID)))
                    .and(ORDER_CHANGE.CUSTOMER_ID.eq(DSL.param(ORDER_CHANGE.CUSTOMER_ID)))
                    .and(ORDER_CHANGE.ORDER_ID.eq(DSL.param(ORDER_CHANGE.ORDER_ID))));
        }
        for (Map.Entry<OrderKey, Order> entry : orders.entrySet()) {
            OrderKey key = entry.getKey();
            Order order = entry.getValue();
            Long sentBefore = storedEarlierThisRun.get(key);
            if (sentBefore != null) {
                // Sent again on a later page: the later version wins, and it is compared afresh.
                forgetRows = forgetRows.bind(sentBefore);
                forgetChanges = forgetChanges.bind(runId, key.customer(), key.orderId());
            }
            CachedOrder before = previous.get(key);
            CachedOrder after = CachedOrder.afterSync(order, scope.includePrice(), detectedAt, Optional.ofNullable(before));
            List<OrderDifference> differences = before == null
                    ? List.of(OrderDifference.added(after.order()))
                    : OrderDifference.between(before.order(), after.order());
            rows.add(nextRowId++, scopeId, runId, after);
            for (OrderDifference difference : differences) {
                changes.add()
                        .set(ORDER_CHANGE.RUN_ID, runId)
                        .set(ORDER_CHANGE.DETECTED_AT, detectedAt)
                        .set(ORDER_CHANGE.CUSTOMER_ID, key.customer())
                        .set(ORDER_CHANGE.ORDER_ID, key.orderId())
                        .set(ORDER_CHANGE.KIND, difference.kind().name())
                        .set(ORDER_CHANGE.LINE_ITEM_NUMBER, difference.lineItemNumber().isPresent()
                                ? Integer.valueOf(difference.lineItemNumber().getAsInt()) : null)
                        .set(ORDER_CHANGE.BEFORE_VALUE, difference.before().orElse(null))
                        .set(ORDER_CHANGE.AFTER_VALUE, difference.after().orElse(null));
            }
        }
        if (forgetRows != null) {
            forgetChanges.execute();
            forgetRows.execute();
        }
        rows.execute();
        changes.execute();
        scope.reseller().ifPresent(reseller -> rememberReseller(orders.keySet(), reseller.toString()));
    }

    private void rememberReseller(Set<OrderKey> keys, String reseller) {
        BatchBindStep seen = tx.batch(tx.insertInto(ORDER_RESELLER, ORDER_RESELLER.CUSTOMER_ID, ORDER_RESELLER.ORDER_ID,
                        ORDER_RESELLER.RESELLER_ID)
                .values((String) null, null, null)
                .onConflictDoNothing());
        for (OrderKey key : keys) {
            seen = seen.bind(key.customer(), key.orderId(), reseller);
        }
        seen.execute();
    }

    private List<StoredOrderRecord> existingRows(Set<OrderKey> keys) {
        Map<String, List<String>> idsByCustomer = keys.stream().collect(Collectors.groupingBy(OrderKey::customer,
                LinkedHashMap::new, Collectors.mapping(OrderKey::orderId, Collectors.toList())));
        List<StoredOrderRecord> rows = new ArrayList<>();
        idsByCustomer.forEach((customer, ids) -> {
            for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
                rows.addAll(tx.selectFrom(STORED_ORDER)
                        .where(STORED_ORDER.CUSTOMER_ID.eq(customer))
                        .and(STORED_ORDER.ORDER_ID.in(ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY))))
                        .fetch());
            }
        });
        return rows;
    }

    SnapshotSummary finish() {
        StoredOrder again = STORED_ORDER.as("again");
        // Every other run's rows, not only those of runs started earlier: syncs may overlap, and the one that
        // commits last must leave only its own version of each order it stored, whichever run began first.
        Condition storedAgain = DSL.exists(DSL.selectOne().from(again)
                .where(again.CUSTOMER_ID.eq(STORED_ORDER.CUSTOMER_ID))
                .and(again.ORDER_ID.eq(STORED_ORDER.ORDER_ID))
                .and(again.STORED_BY_RUN.eq(runId)));
        // Every statement below names the customers this run touched, so it reads their rows through an index
        // instead of every customer's: a partner's cache holds thousands of customers.
        Set<String> customers = new LinkedHashSet<>(customersWritten);
        customers.add(scope.customer().toString());
        Condition ofTheseCustomers = STORED_ORDER.CUSTOMER_ID.in(customers);
        Condition otherRuns = ofTheseCustomers.and(STORED_ORDER.STORED_BY_RUN.ne(runId));
        Condition ofScopeCustomer = STORED_ORDER.CUSTOMER_ID.eq(scope.customer().toString());
        Condition gone = ofScopeCustomer.and(STORED_ORDER.STORED_BY_RUN.ne(runId))
                .and(STORED_ORDER.REMOVED_BY_RUN.isNull())
                .and(covered())
                .andNot(storedAgain);

        // OrderDifference.removed(order): the status as sent before, nothing after.
        tx.insertInto(ORDER_CHANGE, ORDER_CHANGE.RUN_ID, ORDER_CHANGE.DETECTED_AT, ORDER_CHANGE.CUSTOMER_ID,
                        ORDER_CHANGE.ORDER_ID, ORDER_CHANGE.KIND, ORDER_CHANGE.BEFORE_VALUE)
                .select(DSL.select(DSL.val(runId, ORDER_CHANGE.RUN_ID), DSL.val(detectedAt, ORDER_CHANGE.DETECTED_AT),
                                STORED_ORDER.CUSTOMER_ID, STORED_ORDER.ORDER_ID, DSL.val(ChangeKind.REMOVED.name(), ORDER_CHANGE.KIND),
                                STORED_ORDER.STATUS)
                        .from(STORED_ORDER)
                        .where(gone)
                        .orderBy(STORED_ORDER.ROW_ID))
                .execute();
        tx.update(STORED_ORDER).set(STORED_ORDER.REMOVED_BY_RUN, runId).where(gone).execute();
        // After the update: `gone` itself asks these rows whether a reseller filter covers an order.
        tx.deleteFrom(ORDER_RESELLER).where(ORDER_RESELLER.CUSTOMER_ID.eq(scope.customer().toString()))
                .and(ORDER_RESELLER.ORDER_ID.in(DSL.select(STORED_ORDER.ORDER_ID).from(STORED_ORDER)
                        .where(ofScopeCustomer).and(STORED_ORDER.REMOVED_BY_RUN.eq(runId)))).execute();
        tx.deleteFrom(STORED_ORDER).where(otherRuns.and(storedAgain)).execute();

        Condition thisRun = ofTheseCustomers.and(STORED_ORDER.STORED_BY_RUN.eq(runId));
        long orders = tx.fetchCount(STORED_ORDER, thisRun);
        long lineItems = tx.fetchCount(tx.select(LINE_ITEM.ORDER_ROW_ID).from(LINE_ITEM)
                .join(STORED_ORDER).on(STORED_ORDER.ROW_ID.eq(LINE_ITEM.ORDER_ROW_ID))
                .where(thisRun));
        Condition ofRun = ORDER_CHANGE.RUN_ID.eq(runId);
        long added = tx.fetchCount(ORDER_CHANGE, ofRun.and(ORDER_CHANGE.KIND.eq(ChangeKind.ADDED.name())));
        long removed = tx.fetchCount(ORDER_CHANGE, ofRun.and(ORDER_CHANGE.KIND.eq(ChangeKind.REMOVED.name())));
        long changed = tx.fetchCount(tx.selectDistinct(ORDER_CHANGE.CUSTOMER_ID, ORDER_CHANGE.ORDER_ID)
                .from(ORDER_CHANGE)
                .where(ofRun)
                .and(ORDER_CHANGE.KIND.notIn(ChangeKind.ADDED.name(), ChangeKind.REMOVED.name())));
        return new SnapshotSummary(pages, orders, lineItems, added, changed, removed);
    }

    /** {@link OrderScope#covers} in SQL, on the current row of an order of the scope's customer. */
    private Condition covered() {
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

    /** Closes the prepared INSERTs; the transaction itself is the caller's to commit or roll back. */
    @Override
    public void close() {
        try (rows; changes) {
            tx.configuration().connectionProvider().release(connection);
        }
    }
}
