package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderId;
import java.util.List;

/**
 * Reads one order from the local cache by its id, or by its alternate id when no order has that id: usually one
 * order, several if customers share an id.
 */
public interface FindCachedOrderByIdUseCase {

    List<CachedOrder> findCachedOrderById(OrderId id);
}
