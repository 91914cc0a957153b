package dev.pcorders.domain.shared;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync job as the cache recorded it.
 *
 * @param finishedAt empty when its process never got to the end (killed)
 * @param planned    how many scopes it planned
 * @param unfinished the planned scopes no successful run has covered since the job began, in the order planned
 */
public record SyncJob(long id, CorrelationId correlationId, Instant startedAt, Optional<Instant> finishedAt, int planned,
                      List<PlannedScope> unfinished) {

    /** One scope of a job: the resource, the customer and the key its scope reads back from. */
    public record PlannedScope(ResourceKind kind, CustomerId customer, String key) {

        public PlannedScope {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(key, "key");
        }
    }

    public SyncJob {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        unfinished = List.copyOf(unfinished);
    }

    public boolean isComplete() {
        return unfinished.isEmpty();
    }
}
