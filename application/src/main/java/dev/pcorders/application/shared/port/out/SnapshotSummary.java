package dev.pcorders.application.shared.port.out;

/**
 * What storing one snapshot of a customer scope did: pages and items read ({@code nestedItems} counts what the items
 * hold, such as an order's line items; 0 for a resource without any), and how the scope's items compare with the
 * previous view. {@code unchanged()} is derived, not stored.
 */
public record SnapshotSummary(long pages, long items, long nestedItems, long added, long changed, long removed) {

    public SnapshotSummary {
        if (pages < 0 || items < 0 || nestedItems < 0 || added < 0 || changed < 0 || removed < 0) {
            throw new IllegalArgumentException("snapshot counts must not be negative");
        }
        if (added + changed > items) {
            throw new IllegalArgumentException(
                    "added (" + added + ") + changed (" + changed + ") exceed the items read (" + items + ")");
        }
    }

    public long unchanged() {
        return items - added - changed;
    }
}
