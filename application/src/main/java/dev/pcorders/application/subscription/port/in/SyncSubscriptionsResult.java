package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.shared.CorrelationId;
import java.util.List;
import java.util.Objects;

/** What a subscription sync did, customer by customer, in the order the customers were given. */
public record SyncSubscriptionsResult(CorrelationId correlationId, List<SubscriptionSyncResult> customers) {

    public SyncSubscriptionsResult {
        Objects.requireNonNull(correlationId, "correlationId");
        customers = List.copyOf(customers);
    }

    public boolean allSucceeded() {
        return customers.stream().allMatch(SubscriptionSyncResult::succeeded);
    }

    public List<SubscriptionSyncResult.Failed> failures() {
        return customers.stream()
                .filter(SubscriptionSyncResult.Failed.class::isInstance)
                .map(SubscriptionSyncResult.Failed.class::cast)
                .toList();
    }
}
