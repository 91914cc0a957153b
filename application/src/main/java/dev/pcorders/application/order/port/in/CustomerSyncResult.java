package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.SyncRunId;
import dev.pcorders.domain.shared.CustomerId;
import java.util.Objects;
import java.util.Optional;

/** How the sync of one customer ended. */
public sealed interface CustomerSyncResult {

    CustomerId customer();

    /** The run recorded in the cache for this customer, when one could be recorded. */
    Optional<SyncRunId> run();

    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    /** The customer's new snapshot is stored. */
    record Succeeded(CustomerId customer, Optional<SyncRunId> run, long pages, long orders, long lineItems,
                     long added, long changed, long removed) implements CustomerSyncResult {

        public Succeeded {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(run, "run");
            if (pages < 0 || orders < 0 || lineItems < 0 || added < 0 || changed < 0 || removed < 0) {
                throw new IllegalArgumentException("sync counts must not be negative");
            }
        }

        public long unchanged() {
            return orders - added - changed;
        }
    }

    /** Nothing was stored for this customer; its previous snapshot is untouched. */
    record Failed(CustomerId customer, Optional<SyncRunId> run, SyncFailure failure) implements CustomerSyncResult {

        public Failed {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
