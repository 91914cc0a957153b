package dev.pcorders.application.order.port.out;

/**
 * What storing one snapshot did: pages and orders read, and how the scope's orders compare with its
 * previous snapshot. {@code unchanged()} is derived, not stored.
 */
public record SnapshotSummary(long pages, long orders, long lineItems, long added, long changed, long removed) {

    public SnapshotSummary {
        if (pages < 0 || orders < 0 || lineItems < 0 || added < 0 || changed < 0 || removed < 0) {
            throw new IllegalArgumentException("snapshot counts must not be negative");
        }
        if (added + changed > orders) {
            throw new IllegalArgumentException(
                    "added (" + added + ") + changed (" + changed + ") exceed the orders read (" + orders + ")");
        }
    }

    public long unchanged() {
        return orders - added - changed;
    }
}
