package dev.pcorders.domain.subscription;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.time.Instant;
import java.util.Objects;

/** An entry of the subscription change log: a difference found by a sync run. */
public record SubscriptionChange(SyncRunId run, Instant detectedAt, CustomerId customer,
                                 SubscriptionId subscriptionId, SubscriptionDifference difference) {

    public SubscriptionChange {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(difference, "difference");
    }

    public SubscriptionDifference.Kind kind() {
        return difference.kind();
    }
}
