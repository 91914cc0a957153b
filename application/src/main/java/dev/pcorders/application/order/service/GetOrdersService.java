package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.GetOrdersUseCase;
import dev.pcorders.application.order.port.out.OrderGateway;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import java.util.Objects;
import java.util.stream.Stream;

public final class GetOrdersService implements GetOrdersUseCase {

    private final OrderGateway gateway;

    public GetOrdersService(OrderGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    @Override
    public Stream<Order> getOrders(ScopedQuery<OrderScope> query) {
        Objects.requireNonNull(query, "query");
        Stream<Page<Order>> pages = gateway.fetchPages(query);
        // flatMap keeps the laziness of the pages; onClose hands the caller's close on to the gateway.
        return pages.flatMap(page -> page.items().stream()).onClose(pages::close);
    }
}
