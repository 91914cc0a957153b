package dev.pcorders.application.order.testing;

import dev.pcorders.application.order.port.out.OrderGateway;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.testing.FakePageSource;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@link OrderGateway} answering from a script, as {@link FakePageSource} does. A wrapper rather than a subclass
 * so that {@code serve} and {@code failAfter} return the gateway type tests pass on as an {@link OrderGateway}.
 */
public final class FakeOrderGateway implements OrderGateway {

    private final FakePageSource<OrderScope, Order> source = new FakePageSource<>();

    @SafeVarargs
    public final FakeOrderGateway serve(CustomerId customer, Page<Order>... pages) {
        source.serve(customer, pages);
        return this;
    }

    /** Serves {@code pages}, then fails with {@code failure} instead of the next page. */
    @SafeVarargs
    public final FakeOrderGateway failAfter(CustomerId customer, PartnerCenterException failure, Page<Order>... pages) {
        source.failAfter(customer, failure, pages);
        return this;
    }

    public List<ScopedQuery<OrderScope>> queries() {
        return source.queries();
    }

    @Override
    public Stream<Page<Order>> fetchPages(ScopedQuery<OrderScope> query) {
        return source.fetchPages(query);
    }
}
