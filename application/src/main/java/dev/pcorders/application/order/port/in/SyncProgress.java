package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.shared.CustomerId;

/**
 * Told how a sync goes while one customer's orders are still coming in, on the thread that runs the sync: a customer
 * of many pages takes minutes, and a count of customers done would not move meanwhile.
 */
@FunctionalInterface
public interface SyncProgress {

    /** Tells nobody. */
    SyncProgress NONE = (customer, pages, orders) -> { };

    /**
     * One more page of {@code customer}'s orders came from Partner Center; {@code pages} and {@code orders} count this
     * customer's so far. Must return quickly and not throw: the page waits for it.
     */
    void pageFetched(CustomerId customer, long pages, long orders);
}
