package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.shared.Money;
import java.util.List;

/**
 * One slice of the cached orders matching a query, with the figures of all matches: how many there
 * are and their total price per currency (orders synced without prices add nothing to the totals).
 */
public record CachedOrders(List<CachedOrder> orders, long totalMatching, List<Money> totalsByCurrency) {

    public CachedOrders {
        orders = List.copyOf(orders);
        totalsByCurrency = List.copyOf(totalsByCurrency);
        if (totalMatching < orders.size()) {
            throw new IllegalArgumentException(
                    "totalMatching (" + totalMatching + ") is less than the orders returned (" + orders.size() + ")");
        }
    }
}
