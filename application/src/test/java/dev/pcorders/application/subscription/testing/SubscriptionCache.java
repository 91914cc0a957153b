package dev.pcorders.application.subscription.testing;

import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.application.subscription.port.out.SubscriptionChangeLog;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;

/** The four ports a subscription cache implements, as one value for tests that exercise them together. */
public record SubscriptionCache(SyncRunLog runLog, SnapshotStore<SubscriptionScope, Subscription> snapshots,
                                CachedSubscriptionReader subscriptions, SubscriptionChangeLog changes) {

    public static SubscriptionCache of(InMemorySubscriptionCache cache) {
        return new SubscriptionCache(cache, cache, cache, cache);
    }
}
