package dev.pcorders.domain.customer;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.time.Instant;
import java.util.Objects;

/** An entry of the customer change log: a difference found by a sync of the partner's customer list. */
public record CustomerChange(SyncRunId run, Instant detectedAt, CustomerId customer, CustomerDifference difference) {

    public CustomerChange {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(difference, "difference");
    }

    public CustomerDifference.Kind kind() {
        return difference.kind();
    }
}
