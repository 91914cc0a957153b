package dev.pcorders.application.order.port.out;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.SyncRunId;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local cache of orders: one current view of each (customer, order id), whatever filters and flags the
 * syncs that brought it used. Every method may throw {@link OrderStoreException}; no driver exception crosses
 * this port.
 *
 * <p>A sync of a {@link OrderScope} replaces what that scope covers: the orders it returns become their
 * current view ({@link CachedOrder#afterSync}: a sync without prices keeps earlier prices), and an order is
 * removed only when the scope {@linkplain OrderScope#covers covers} it and the sync no longer returned it.
 * The repository remembers which reseller-filtered scopes returned an order, which is what
 * {@code covers} needs for reseller filters.
 */
public interface OrderRepository {

    /** Records that a sync of {@code scope} began; the run stays open until {@link #finishRun}. */
    SyncRunId startRun(OrderScope scope, CorrelationId correlationId, Instant startedAt);

    /**
     * Replaces what the scope covers with the orders in {@code pages}, in one transaction: orders
     * present become their current view, covered orders that are no longer present are marked
     * removed by {@code run} (and kept), and every difference from the previous view (as
     * {@link dev.pcorders.domain.order.OrderDifference#between} defines it) goes to the change log.
     * Pages are consumed one at a time inside the transaction. If anything fails, the iterator
     * included, nothing is changed and the exception propagates as thrown (a
     * {@link PartnerCenterException} from the iterator stays one).
     */
    SnapshotSummary replaceSnapshot(SyncRunId run, OrderScope scope, Iterator<OrderPage> pages);

    /** Closes a run opened by {@link #startRun}. */
    void finishRun(SyncRunId run, SyncRunOutcome outcome);

    /** Cached orders matching {@code criteria}, ordered by (creationDate, id), {@code limit} from {@code offset}. */
    List<CachedOrder> findOrders(OrderCriteria criteria, long offset, int limit);

    /**
     * Hands every cached order matching {@code criteria} to {@code action}, ordered by (creationDate, id),
     * all from one committed state of the cache: a sync that commits meanwhile is seen either whole or
     * not at all, never as orders skipped or repeated between pages. Orders are read a batch at a time,
     * so memory does not grow with the cache. An exception from {@code action} stops the reading and
     * propagates as thrown.
     */
    void forEachOrder(OrderCriteria criteria, Consumer<CachedOrder> action);

    /** How many cached orders match {@code criteria}. */
    long countOrders(OrderCriteria criteria);

    /** The sum of {@code totalPrice} of matching cached orders, per currency, sorted by currency code. */
    List<Money> totalsByCurrency(OrderCriteria criteria);

    /** The cached orders with this id (normally one; ids are only unique per customer). */
    List<CachedOrder> findOrdersById(OrderId id);

    /**
     * The scope of the customer's latest sync run that succeeded (by start), if any: what the cache last
     * fetched for that customer.
     */
    Optional<OrderScope> lastSucceededScope(CustomerId customer);

    /**
     * Whether a sync of the customer that succeeded asked for system purchases. If none did, the cache holds none
     * of the orders Partner Center created itself for that customer (a later sync without the flag keeps them).
     */
    boolean syncedSystemPurchases(CustomerId customer);

    /** The cached orders whose {@code alternateId} is this one (as sent, case and all). */
    List<CachedOrder> findOrdersByAlternateId(String alternateId);

    /** Change log entries, oldest first, optionally only of one customer and/or one run. */
    List<OrderChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run);
}
