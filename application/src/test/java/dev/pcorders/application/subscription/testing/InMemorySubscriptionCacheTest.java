package dev.pcorders.application.subscription.testing;

class InMemorySubscriptionCacheTest extends SubscriptionCacheContract {

    @Override
    protected SubscriptionCache newCache() {
        return SubscriptionCache.of(new InMemorySubscriptionCache());
    }
}
