package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import java.util.function.Consumer;

/** Reads subscriptions from the local cache only; never calls Partner Center. */
public interface FindCachedSubscriptionsUseCase {

    /** One slice of the matching subscriptions; slices read one after another may straddle a sync between them. */
    CachedSubscriptions findCachedSubscriptions(CachedSubscriptionsQuery query);

    /** Hands every matching subscription to {@code action}, as one committed state of the cache saw them. */
    void forEachCachedSubscription(SubscriptionCriteria criteria, Consumer<Subscription> action);
}
