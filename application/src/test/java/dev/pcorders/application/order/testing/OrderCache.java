package dev.pcorders.application.order.testing;

import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.application.order.port.out.OrderChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SyncRunLog;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;

/** The four ports an order cache implements, as one value for tests that exercise them together. */
public record OrderCache(SyncRunLog runLog, SnapshotStore<OrderScope, Order> snapshots, CachedOrderReader orders,
                         OrderChangeLog changes) {

    public static OrderCache of(InMemoryOrderCache cache) {
        return new OrderCache(cache, cache, cache, cache);
    }
}
