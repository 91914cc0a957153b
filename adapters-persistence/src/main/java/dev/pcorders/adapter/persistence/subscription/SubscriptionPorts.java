package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.subscription.port.out.CachedSubscriptionReader;
import dev.pcorders.application.subscription.port.out.SubscriptionChangeLog;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;
import java.util.Objects;

/**
 * The subscription cache's ports on the transactions of an open cache file: what the store hands out beside the order
 * ports ({@code CacheStore#subscriptions()} and its siblings). Everything behind it stays package-private.
 */
public final class SubscriptionPorts {

    private final JooqSubscriptionCache cache;

    public SubscriptionPorts(Transactions transactions) {
        this.cache = new JooqSubscriptionCache(Objects.requireNonNull(transactions, "transactions"));
    }

    /** Where a subscription sync stores what it fetched. */
    public SnapshotStore<SubscriptionScope, Subscription> snapshots() {
        return cache;
    }

    /** The cached subscriptions, as readers see them. */
    public CachedSubscriptionReader subscriptions() {
        return cache;
    }

    /** What subscription syncs found changed. */
    public SubscriptionChangeLog changes() {
        return cache;
    }
}
