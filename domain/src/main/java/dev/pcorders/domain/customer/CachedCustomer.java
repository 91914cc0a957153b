package dev.pcorders.domain.customer;

import dev.pcorders.domain.shared.SyncRunId;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as the cache holds it: as last listed, and, once a later sync of the list no longer found it, the run
 * that found it gone (the relationship ended, or Partner Center stopped listing it).
 */
public record CachedCustomer(Customer customer, Optional<SyncRunId> removedBy) {

    public CachedCustomer {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(removedBy, "removedBy");
    }

    public boolean isRemoved() {
        return removedBy.isPresent();
    }
}
