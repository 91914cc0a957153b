package dev.pcorders.application.shared.port.in;

import dev.pcorders.domain.shared.CustomerId;

/**
 * Told how a sync goes while customers' items (orders, subscriptions, ...) are still coming in: a customer of many
 * pages takes minutes, and a count of customers done would not move meanwhile. A sync of several customers at once
 * tells it from several threads, so an implementation must be thread-safe.
 */
@FunctionalInterface
public interface SyncProgress {

    /** Tells nobody. */
    SyncProgress NONE = (customer, pages, items) -> { };

    /**
     * One more page of {@code customer}'s items came from Partner Center; {@code pages} and {@code items} count this
     * customer's so far. Must return quickly and not throw: the page waits for it.
     */
    void pageFetched(CustomerId customer, long pages, long items);

    /** {@code customer}'s sync ended, stored or failed; nothing by default. Must return quickly and not throw. */
    default void customerFinished(CustomerId customer, boolean stored) {
    }
}
