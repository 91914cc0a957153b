package dev.pcorders.application.order.port.out;

import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;

/** Partner Center, as the place orders come from: {@code GET /v1/customers/{customer_id}/orders}, page by page. */
public interface OrderGateway extends PageSource<OrderScope, Order> {
}
