package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which customers' subscriptions to sync; duplicated customers are synced once.
 *
 * @param correlationId sent as MS-CorrelationId on every request of the sync; a fresh one when empty
 */
public record SyncSubscriptionsCommand(List<CustomerId> customers, Optional<CorrelationId> correlationId) {

    public SyncSubscriptionsCommand {
        Objects.requireNonNull(customers, "customers");
        customers.forEach(customer -> Objects.requireNonNull(customer, "customers must not contain null"));
        customers = List.copyOf(new LinkedHashSet<>(customers));
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("a sync needs at least one customer");
        }
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public static SyncSubscriptionsCommand of(CustomerId... customers) {
        return new SyncSubscriptionsCommand(List.of(customers), Optional.empty());
    }

    public SyncSubscriptionsCommand withCorrelationId(CorrelationId value) {
        return new SyncSubscriptionsCommand(customers, Optional.of(value));
    }

    /** One scope per customer, in the order the customers were given. */
    public List<SubscriptionScope> scopes() {
        return customers.stream().map(SubscriptionScope::new).toList();
    }
}
