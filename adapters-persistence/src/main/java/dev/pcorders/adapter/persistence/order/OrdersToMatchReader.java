package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.jooq.Tables.LINE_ITEM;

import dev.pcorders.adapter.persistence.column.SortableInstantConverter;
import dev.pcorders.adapter.persistence.jooq.tables.LineItem;
import dev.pcorders.adapter.persistence.jooq.tables.StoredOrder;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.adapter.persistence.store.ReadAhead;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.ClientContext;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;

/**
 * The read of {@code forEachOrderToMatch}: one query joining the matching orders to their line items, in the orders'
 * storage order and then line item number (each order's items put back in list position), streamed off the JDBC result
 * set (a few thousand rows fetched at a time, and taken off it by a thread of its own, see {@link ReadAhead}) and
 * folded into one {@link CachedOrder} per order as its last row goes by. Only the columns matching reads are selected,
 * and they are read by position, without a jOOQ record per row; offer ids, currencies, customers and prices that
 * repeat are parsed once per read (the caches are emptied when they grow, so memory stays flat however large the
 * cache). Runs inside the caller's read transaction, so the orders are one committed state. Standard SQL only: the
 * same query runs on SQLite and PostgreSQL.
 */
final class OrdersToMatchReader {

    /** Rows PostgreSQL sends per round trip (its driver would otherwise hold the whole result in memory). */
    static final int FETCH_SIZE = 2_000;

    /** Distinct values a cache keeps before it starts over: far more than a cache's offers or price points. */
    private static final int CACHE_LIMIT = 4_096;

    private static final StoredOrder O = CachedOrderQueries.ORDERS;
    private static final LineItem LI = LINE_ITEM.as("li");

    // Column positions in the select below.
    private static final int ROW_ID = 1;
    private static final int ORDER_ID = 2;
    private static final int CUSTOMER_ID = 3;
    private static final int CREATION_DATE = 4;
    private static final int CREATION_DATE_OFFSET = 5;
    private static final int ALTERNATE_ID = 6;
    private static final int BILLING_CYCLE = 7;
    private static final int BILLING_CYCLE_KNOWN = 8;
    private static final int CURRENCY_CODE = 9;
    private static final int CURRENCY_SYMBOL = 10;
    private static final int STATUS = 11;
    private static final int STATUS_KNOWN = 12;
    private static final int TOTAL_PRICE = 13;
    private static final int TRANSACTION_TYPE = 14;
    private static final int TRANSACTION_TYPE_KNOWN = 15;
    private static final int HAS_CLIENT = 16;
    private static final int CLIENT_DEVICE_FAMILY = 17;
    private static final int CLIENT_MARKETPLACE_COUNTRY = 18;
    private static final int CLIENT_NAME = 19;
    private static final int ETAG = 20;
    private static final int OBJECT_TYPE = 21;
    private static final int PRICES_AS_OF = 22;
    private static final int LINE_ITEM_NUMBER = 23;
    private static final int OFFER_ID = 24;
    private static final int QUANTITY = 25;
    private static final int HAS_PRICING = 26;
    private static final int LIST_PRICE = 27;
    private static final int DISCOUNTED_PRICE = 28;
    private static final int EXTENDED_PRICE = 29;
    private static final int PRICE = 30;
    private static final int PRORATED_PRICE = 31;
    private static final int LIST_POSITION = 32;

    private final Map<String, OfferId> offers = new HashMap<>();
    private final Map<String, Optional<Amount>> amounts = new HashMap<>();
    private final Map<String, CustomerId> customers = new HashMap<>();
    private final Map<String, CurrencyCode> currencies = new HashMap<>();
    private final Map<String, ZoneOffset> offsets = new HashMap<>();

    private OrdersToMatchReader() {
    }

    /** Hands every order matching {@code criteria} to {@code action}, in the store's own order (see the port). */
    static void forEach(DSLContext dsl, OrderCriteria criteria, Consumer<CachedOrder> action) {
        new OrdersToMatchReader().read(dsl, criteria, action);
    }

    /** The orders matching {@code criteria} left-joined to their line items: one row per line item (or order without). */
    static ResultQuery<Record> query(DSLContext dsl, OrderCriteria criteria) {
        return dsl.select(O.ROW_ID, O.ORDER_ID, O.CUSTOMER_ID, O.CREATION_DATE, O.CREATION_DATE_OFFSET,
                        O.ALTERNATE_ID, O.BILLING_CYCLE, O.BILLING_CYCLE_KNOWN, O.CURRENCY_CODE, O.CURRENCY_SYMBOL,
                        O.STATUS, O.STATUS_KNOWN, O.TOTAL_PRICE, O.TRANSACTION_TYPE, O.TRANSACTION_TYPE_KNOWN,
                        O.HAS_CLIENT, O.CLIENT_DEVICE_FAMILY, O.CLIENT_MARKETPLACE_COUNTRY, O.CLIENT_NAME, O.ETAG,
                        O.OBJECT_TYPE, O.PRICES_AS_OF,
                        LI.LINE_ITEM_NUMBER, LI.OFFER_ID, LI.QUANTITY, LI.HAS_PRICING, LI.LIST_PRICE,
                        LI.DISCOUNTED_PRICE, LI.EXTENDED_PRICE, LI.PRICE, LI.PRORATED_PRICE, LI.LIST_POSITION)
                .from(O)
                .leftJoin(LI).on(LI.ORDER_ROW_ID.eq(O.ROW_ID))
                .where(CachedOrderQueries.matching(criteria))
                // Both keys' own order, so nothing is sorted: by creation date, a sort of every cached line item was about
                // a fifth of this read on SQLite, and by list position a sort within each order half the rest. Matching
                // needs the orders in no order; each order's items are put back in list position as they are read.
                .orderBy(O.ROW_ID, LI.LINE_ITEM_NUMBER)
                .fetchSize(FETCH_SIZE);
    }

    /**
     * The values of one row, as the reading thread took them: the order's own columns (by position) only on the first
     * row of each order, null on the rows after it.
     */
    private record MatchRow(String[] order, boolean hasClient, boolean hasLineItem, int lineItemNumber, int listPosition,
                            String offerId, int quantity, boolean hasPricing, String listPrice, String discountedPrice,
                            String extendedPrice, String price, String proratedPrice) {
    }

    private void read(DSLContext dsl, OrderCriteria criteria, Consumer<CachedOrder> action) {
        // Rows are taken off the result set on a thread of their own while this one builds the orders: the driver's
        // share of the read and this one's cost about the same.
        long[] lastRowId = {Long.MIN_VALUE};
        try (ResultSet rows = query(dsl, criteria).fetchResultSet();
             ReadAhead<MatchRow, SQLException> ahead = ReadAhead.rows(rows, row -> take(row, lastRowId), "pc-orders-cache-reader")) {
            Order.Builder order = null;
            Optional<Instant> pricesAsOf = Optional.empty();
            String pricesAsOfText = null;
            List<OrderLineItem> items = null;
            List<Integer> positions = new ArrayList<>(8);
            for (MatchRow row = ahead.next(); row != null; row = ahead.next()) {
                if (row.order() != null) {
                    if (order != null) {
                        action.accept(new CachedOrder(order.lineItems(items).build(), pricesAsOf));
                    }
                    order = order(row.order(), row.hasClient());
                    String prices = row.order()[PRICES_AS_OF];
                    // One sync prices every order it fetched at one instant: most orders repeat the previous one's.
                    if (prices == null) {
                        pricesAsOf = Optional.empty();
                        pricesAsOfText = null;
                    } else if (!prices.equals(pricesAsOfText)) {
                        pricesAsOf = Optional.of(SortableInstantConverter.parse(prices));
                        pricesAsOfText = prices;
                    }
                    items = new ArrayList<>(8);
                    positions.clear();
                }
                if (row.hasLineItem()) {
                    // In list position, as the other reads give them: rows come in line item number order, mostly the same.
                    int at = positions.size();
                    while (at > 0 && positions.get(at - 1) > row.listPosition()) {
                        at--;
                    }
                    positions.add(at, row.listPosition());
                    items.add(at, lineItem(row));
                }
            }
            if (order != null) {
                action.accept(new CachedOrder(order.lineItems(items).build(), pricesAsOf));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the cached orders to match: " + e.getMessage(), e);
        }
    }

    /** The current row's values; the order's own columns only when the row starts an order (see {@link MatchRow}). */
    private static MatchRow take(ResultSet rows, long[] lastRowId) throws SQLException {
        long rowId = rows.getLong(ROW_ID);
        String[] order = null;
        boolean hasClient = false;
        if (rowId != lastRowId[0]) {
            lastRowId[0] = rowId;
            order = new String[PRICES_AS_OF + 1];
            for (int column = ORDER_ID; column <= PRICES_AS_OF; column++) {
                if (column != HAS_CLIENT) {
                    order[column] = rows.getString(column);
                }
            }
            hasClient = rows.getBoolean(HAS_CLIENT);
        }
        int number = rows.getInt(LINE_ITEM_NUMBER);
        if (rows.wasNull()) {
            return new MatchRow(order, hasClient, false, 0, 0, null, 0, false, null, null, null, null, null);
        }
        boolean hasPricing = rows.getBoolean(HAS_PRICING);
        return new MatchRow(order, hasClient, true, number, rows.getInt(LIST_POSITION), rows.getString(OFFER_ID), rows.getInt(QUANTITY),
                hasPricing, hasPricing ? rows.getString(LIST_PRICE) : null,
                hasPricing ? rows.getString(DISCOUNTED_PRICE) : null, hasPricing ? rows.getString(EXTENDED_PRICE) : null,
                hasPricing ? rows.getString(PRICE) : null, hasPricing ? rows.getString(PRORATED_PRICE) : null);
    }

    /** The order's own fields, as {@code StoredOrderReader} reads them off a whole row. */
    private Order.Builder order(String[] columns, boolean hasClient) {
        String currency = columns[CURRENCY_CODE];
        String total = columns[TOTAL_PRICE];
        return Order.builder(OrderId.of(columns[ORDER_ID]),
                        cached(customers, columns[CUSTOMER_ID], CustomerId::parse),
                        SortableInstantConverter.parse(columns[CREATION_DATE]))
                .creationDateOffset(cached(offsets, columns[CREATION_DATE_OFFSET], ZoneOffset::of))
                .alternateId(columns[ALTERNATE_ID])
                .billingCycle(OpenEnumColumns.read(BillingCycle.class, columns[BILLING_CYCLE], columns[BILLING_CYCLE_KNOWN]))
                .currencyCode(currency == null ? null : cached(currencies, currency, CurrencyCode::of))
                .currencySymbol(columns[CURRENCY_SYMBOL])
                .status(OpenEnumColumns.read(OrderStatus.class, columns[STATUS], columns[STATUS_KNOWN]))
                .totalPrice(total == null ? null : Amount.parse(total))
                .transactionType(OpenEnumColumns.read(OrderTransactionType.class, columns[TRANSACTION_TYPE],
                        columns[TRANSACTION_TYPE_KNOWN]))
                .client(hasClient
                        ? new ClientContext(Optional.ofNullable(columns[CLIENT_DEVICE_FAMILY]),
                                Optional.ofNullable(columns[CLIENT_MARKETPLACE_COUNTRY]),
                                Optional.ofNullable(columns[CLIENT_NAME]))
                        : null)
                .attributes(new ResourceAttributes(Optional.ofNullable(columns[ETAG]),
                        Optional.ofNullable(columns[OBJECT_TYPE])));
    }

    /** What matching reads of a line item: number, offer, quantity, pricing; the rest stays absent. */
    private OrderLineItem lineItem(MatchRow row) {
        OfferId offer = cached(offers, row.offerId(), OfferId::parse);
        Pricing pricing = row.hasPricing()
                ? new Pricing(amount(row.listPrice()), amount(row.discountedPrice()), amount(row.extendedPrice()),
                        amount(row.price()), amount(row.proratedPrice()))
                : null;
        return OrderLineItem.builder(row.lineItemNumber(), offer, row.quantity()).pricing(pricing).build();
    }

    private Optional<Amount> amount(String text) {
        return text == null ? Optional.empty()
                : cached(amounts, text, value -> Optional.of(Amount.parse(value)));
    }

    private static <V> V cached(Map<String, V> cache, String key, Function<String, V> parse) {
        V value = cache.get(key);
        if (value == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            value = parse.apply(key);
            cache.put(key, value);
        }
        return value;
    }
}
