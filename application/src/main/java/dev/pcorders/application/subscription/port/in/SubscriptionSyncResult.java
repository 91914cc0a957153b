package dev.pcorders.application.subscription.port.in;

import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.Objects;

/** How the subscription sync of one customer ended. */
public sealed interface SubscriptionSyncResult {

    SubscriptionScope scope();

    /** The run recorded in the cache for this customer. */
    SyncRunId run();

    default CustomerId customer() {
        return scope().customer();
    }

    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    /** The customer's new snapshot is stored. */
    record Succeeded(SubscriptionScope scope, SyncRunId run, long pages, long subscriptions, long added, long changed,
                     long removed) implements SubscriptionSyncResult {

        public Succeeded {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(run, "run");
            if (pages < 0 || subscriptions < 0 || added < 0 || changed < 0 || removed < 0) {
                throw new IllegalArgumentException("sync counts must not be negative");
            }
        }

        public long unchanged() {
            return subscriptions - added - changed;
        }
    }

    /** Nothing was stored for this customer; its previous snapshot is untouched. */
    record Failed(SubscriptionScope scope, SyncRunId run, SyncFailure failure) implements SubscriptionSyncResult {

        public Failed {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
