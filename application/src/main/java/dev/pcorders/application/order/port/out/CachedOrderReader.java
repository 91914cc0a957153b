package dev.pcorders.application.order.port.out;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.Money;
import java.util.List;
import java.util.function.Consumer;

/**
 * The read side of the order cache: one current view of each (customer, order id), whatever filters and flags the
 * syncs that brought it used (see {@link dev.pcorders.domain.order.CachedOrder#afterSync}). Every method may throw
 * {@link StoreException}; no driver exception crosses this port.
 */
public interface CachedOrderReader {

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

    /**
     * As {@link #forEachOrder}, except that the orders may come in any order, and each may come without what matching it
     * against a ledger never reads: the links of the order, and of its line items everything but the number, offer,
     * quantity and pricing (left absent). The order's own fields are as {@code forEachOrder} gives them. For
     * reconciliation, which reads every cached order of the customers taking part and needs them in no order (sorting
     * them all was a large part of the read); a store whose orders cost nothing extra to read whole need not override it.
     */
    default void forEachOrderToMatch(OrderCriteria criteria, Consumer<CachedOrder> action) {
        forEachOrder(criteria, action);
    }

    /** How many cached orders match {@code criteria}. */
    long countOrders(OrderCriteria criteria);

    /** The sum of {@code totalPrice} of matching cached orders, per currency, sorted by currency code. */
    List<Money> totalsByCurrency(OrderCriteria criteria);

    /** The cached orders with this id (normally one; ids are only unique per customer). */
    List<CachedOrder> findOrdersById(OrderId id);

    /** The cached orders whose {@code alternateId} is this one (as sent, case and all). */
    List<CachedOrder> findOrdersByAlternateId(String alternateId);
}
