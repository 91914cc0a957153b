package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.time.Instant;
import java.util.Objects;

/** An entry of the change log: a difference found by a sync run. */
public record OrderChange(
        SyncRunId run, Instant detectedAt, CustomerId customer, OrderId orderId, OrderDifference difference) {

    public OrderChange {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(difference, "difference");
    }

    public ChangeKind kind() {
        return difference.kind();
    }
}
