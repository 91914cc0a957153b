package dev.pcorders.application.order.testing;


class InMemoryOrderCacheTest extends OrderCacheContract {

    @Override
    protected OrderCache newCache() {
        return OrderCache.of(new InMemoryOrderCache());
    }
}
