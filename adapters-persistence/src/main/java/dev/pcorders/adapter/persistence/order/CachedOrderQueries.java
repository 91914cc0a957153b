package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.LINE_ITEM;
import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_ORDER;

import dev.pcorders.adapter.persistence.column.SortableInstantConverter;
import dev.pcorders.adapter.persistence.jooq.tables.StoredOrder;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The reads of cached orders. Committed state holds one current row per (customer, order id): the
 * one not marked removed ({@code SnapshotWriter} deletes the rows a sync supersedes before it commits).
 * Every filter is an indexed equality or range; the line item filters go through {@code row_id IN
 * (SELECT ...)} so SQLite can drive them from the line item indexes.
 */
final class CachedOrderQueries {

    /** The cached order rows. */
    static final StoredOrder ORDERS = STORED_ORDER.as("o");

    private CachedOrderQueries() {
    }

    static Condition cached() {
        return ORDERS.REMOVED_BY_RUN.isNull();
    }

    static Condition matching(OrderCriteria criteria) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(cached());
        criteria.customer().ifPresent(customer -> conditions.add(ORDERS.CUSTOMER_ID.eq(customer.toString())));
        criteria.status().ifPresent(status -> conditions.add(ORDERS.STATUS_MATCH.in(OpenEnumColumns.matchKeysFor(status))));
        criteria.billingCycle().ifPresent(cycle ->
                conditions.add(ORDERS.BILLING_CYCLE_MATCH.in(OpenEnumColumns.matchKeysFor(cycle))));
        criteria.createdFrom().ifPresent(from -> conditions.add(createdFrom(from)));
        criteria.createdBefore().ifPresent(before -> conditions.add(createdBefore(before)));
        criteria.partnerIdOnRecord().ifPresent(partner ->
                conditions.add(withLineItem(LINE_ITEM.PARTNER_KEY.eq(MatchKeys.ignoringCase(partner)))));
        criteria.offerId().ifPresent(offer -> conditions.add(withLineItem(LINE_ITEM.OFFER_KEY.eq(offer.matchKey()))));
        criteria.subscriptionId().ifPresent(subscription ->
                conditions.add(withLineItem(LINE_ITEM.SUBSCRIPTION_KEY.eq(MatchKeys.lowerCase(subscription)))));
        return DSL.and(conditions);
    }

    // Bounds beyond the years the cache can hold (Instant.MAX as "no upper bound", say) are decided here:
    // the column's text cannot represent them.

    private static Condition createdFrom(Instant from) {
        if (from.isAfter(SortableInstantConverter.LATEST)) {
            return DSL.falseCondition();
        }
        return from.isAfter(SortableInstantConverter.EARLIEST) ? ORDERS.CREATION_DATE.ge(from) : DSL.trueCondition();
    }

    private static Condition createdBefore(Instant before) {
        if (before.isAfter(SortableInstantConverter.LATEST)) {
            return DSL.trueCondition();
        }
        return before.isAfter(SortableInstantConverter.EARLIEST) ? ORDERS.CREATION_DATE.lt(before) : DSL.falseCondition();
    }

    private static Condition withLineItem(Condition lineItemCondition) {
        return ORDERS.ROW_ID.in(DSL.select(LINE_ITEM.ORDER_ROW_ID).from(LINE_ITEM).where(lineItemCondition));
    }

    private static List<SortField<?>> stableOrder() {
        return List.of(ORDERS.CREATION_DATE.asc(), ORDERS.ORDER_ID.asc(), ORDERS.CUSTOMER_ID.asc());
    }

    static ResultQuery<StoredOrderRecord> page(DSLContext dsl, OrderCriteria criteria, long offset, int limit) {
        return dsl.selectFrom(ORDERS).where(matching(criteria)).orderBy(stableOrder()).limit(limit).offset(offset);
    }

    /**
     * The next {@code limit} matching orders after {@code last} in the stable order. A seek, not an offset: SQLite
     * steps over every skipped row of an offset, so reading a large cache batch by batch would grow quadratically.
     * The stable order's columns identify a cached order, so no order is skipped or read twice.
     */
    static ResultQuery<StoredOrderRecord> after(DSLContext dsl, OrderCriteria criteria, StoredOrderRecord last, int limit) {
        return dsl.selectFrom(ORDERS).where(matching(criteria)).orderBy(stableOrder())
                .seekAfter(last.getCreationDate(), last.getOrderId(), last.getCustomerId()).limit(limit);
    }

    static Select<Record1<Integer>> count(DSLContext dsl, OrderCriteria criteria) {
        return dsl.selectCount().from(ORDERS).where(matching(criteria));
    }

    static Select<Record2<String, java.math.BigDecimal>> totals(DSLContext dsl, OrderCriteria criteria) {
        return dsl.select(ORDERS.CURRENCY_CODE, ORDERS.TOTAL_PRICE)
                .from(ORDERS)
                .where(matching(criteria))
                .and(ORDERS.CURRENCY_CODE.isNotNull())
                .and(ORDERS.TOTAL_PRICE.isNotNull());
    }

    static Select<StoredOrderRecord> byAlternateId(DSLContext dsl, String alternateId) {
        return dsl.selectFrom(ORDERS).where(cached()).and(ORDERS.ALTERNATE_ID.eq(alternateId)).orderBy(stableOrder());
    }

    static Select<StoredOrderRecord> byId(DSLContext dsl, OrderId id) {
        return dsl.selectFrom(ORDERS).where(cached()).and(ORDERS.ORDER_ID.eq(id.value())).orderBy(stableOrder());
    }
}
