package dev.pcorders.application.shared.sync;

/**
 * How many customers a sync fetches at once, and how much of one customer's items it reads before opening the
 * cache's write transaction. Staging keeps network waits out of that transaction, so concurrent customers do not
 * queue behind one another's slow responses; a customer with more items than the budget finishes streaming inside the
 * transaction (each page fetched while the one before is stored), so memory stays bounded (the budget times the
 * customers at once).
 *
 * @param customersAtOnce       1 syncs one customer after another
 * @param stagedItemsPerCustomer items read ahead of the write transaction, per customer
 */
public record SyncConcurrency(int customersAtOnce, int stagedItemsPerCustomer) {

    /** Items read ahead per customer: a few MB of orders, so even 32 customers at once stay within a small heap. */
    public static final int DEFAULT_STAGED_ITEMS = 1_000;

    /** One customer after another. */
    public static final SyncConcurrency SEQUENTIAL = new SyncConcurrency(1, DEFAULT_STAGED_ITEMS);

    public SyncConcurrency {
        if (customersAtOnce < 1 || customersAtOnce > 256) {
            throw new IllegalArgumentException("customers synced at once must be 1 to 256, got " + customersAtOnce);
        }
        if (stagedItemsPerCustomer < 0) {
            throw new IllegalArgumentException("staged items per customer must not be negative, got "
                    + stagedItemsPerCustomer);
        }
    }

    public static SyncConcurrency customersAtOnce(int value) {
        return new SyncConcurrency(value, DEFAULT_STAGED_ITEMS);
    }
}
