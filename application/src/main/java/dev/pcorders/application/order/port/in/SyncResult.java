package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.shared.CorrelationId;
import java.util.List;
import java.util.Objects;

/** What a sync did, customer by customer, in the order the customers were given. */
public record SyncResult(CorrelationId correlationId, List<CustomerSyncResult> customers) {

    public SyncResult {
        Objects.requireNonNull(correlationId, "correlationId");
        customers = List.copyOf(customers);
    }

    public boolean allSucceeded() {
        return customers.stream().allMatch(CustomerSyncResult::succeeded);
    }

    public List<CustomerSyncResult.Failed> failures() {
        return customers.stream()
                .filter(CustomerSyncResult.Failed.class::isInstance)
                .map(CustomerSyncResult.Failed.class::cast)
                .toList();
    }
}
