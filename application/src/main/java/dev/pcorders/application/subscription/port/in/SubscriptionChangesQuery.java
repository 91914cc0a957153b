package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.Objects;
import java.util.Optional;

/** Which subscription change log entries to read: all, or those of one customer and/or one sync run. */
public record SubscriptionChangesQuery(Optional<CustomerId> customer, Optional<SyncRunId> run) {

    public static final SubscriptionChangesQuery ALL = new SubscriptionChangesQuery(Optional.empty(), Optional.empty());

    public SubscriptionChangesQuery {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(run, "run");
    }

    public SubscriptionChangesQuery ofCustomer(CustomerId value) {
        return new SubscriptionChangesQuery(Optional.of(value), run);
    }
}
