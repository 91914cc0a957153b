package dev.pcorders.application.order.port.in;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** How the sync of one customer ended. */
public sealed interface CustomerSyncResult {

    /** What was asked of Partner Center for this customer: filters and flags. */
    OrderScope scope();

    default CustomerId customer() {
        return scope().customer();
    }

    /** The run recorded in the cache for this customer, when one could be recorded. */
    Optional<SyncRunId> run();

    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    /**
     * The customer's new snapshot is stored. {@code previousScope} is the scope of the customer's last
     * successful sync before this one, if any.
     */
    record Succeeded(OrderScope scope, Optional<OrderScope> previousScope, Optional<SyncRunId> run, long pages,
                     long orders, long lineItems, long added, long changed, long removed) implements CustomerSyncResult {

        public Succeeded {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(previousScope, "previousScope");
            Objects.requireNonNull(run, "run");
            if (pages < 0 || orders < 0 || lineItems < 0 || added < 0 || changed < 0 || removed < 0) {
                throw new IllegalArgumentException("sync counts must not be negative");
            }
        }

        public long unchanged() {
            return orders - added - changed;
        }

        /**
         * What this sync left out that the customer's previous successful sync fetched: those parts of the
         * cache (earlier prices, system purchases, orders outside the filter) were kept, not refreshed.
         */
        public Set<OrderScope.Narrowing> narrowing() {
            return previousScope.map(scope::narrowingFrom).orElse(Set.of());
        }
    }

    /** Nothing was stored for this customer; its previous snapshot is untouched. */
    record Failed(OrderScope scope, Optional<SyncRunId> run, SyncFailure failure) implements CustomerSyncResult {

        public Failed {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
