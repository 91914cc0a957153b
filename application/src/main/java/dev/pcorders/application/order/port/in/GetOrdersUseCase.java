package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.stream.Stream;

/** Reads a customer's orders live from Partner Center, without touching the local cache. */
public interface GetOrdersUseCase {

    /**
     * The orders of {@code query}, lazily, page by page as the stream is consumed. Close the stream
     * when stopping early. Failures surface as unchecked exceptions from the stream operation.
     */
    Stream<Order> getOrders(ScopedQuery<OrderScope> query);
}
