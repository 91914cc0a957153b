package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderCriteria;
import java.util.function.Consumer;

/** Reads orders from the local cache only; never calls Partner Center. */
public interface FindCachedOrdersUseCase {

    /** One slice of the matching orders; slices read one after another may straddle a sync that committed between them. */
    CachedOrders findCachedOrders(CachedOrdersQuery query);

    /**
     * Hands every matching order to {@code action}, ordered by (creationDate, id), all of them as one committed state
     * of the cache saw them (a sync committing meanwhile is not half seen), without holding them all in memory. An
     * exception thrown by {@code action} stops the reading and reaches the caller.
     */
    void forEachCachedOrder(OrderCriteria criteria, Consumer<CachedOrder> action);
}
