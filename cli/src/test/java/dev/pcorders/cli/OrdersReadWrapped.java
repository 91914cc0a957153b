package dev.pcorders.cli;

import dev.pcorders.application.order.port.in.CachedOrders;
import dev.pcorders.application.order.port.in.CachedOrdersQuery;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderCriteria;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * The real services on a real cache, except the orders cache read, which hands its orders through {@code read} and
 * may stop part-way: as a read failing half-way through a report, or a report caught mid-write.
 */
final class OrdersReadWrapped {

    /** What happens to each order read, and after the last. */
    interface Read {
        void forEach(OrderCriteria criteria, Consumer<CachedOrder> action, FindCachedOrdersUseCase real);
    }

    private OrdersReadWrapped() {
    }

    static CliServices wrap(CliServices real, Read read) {
        return (CliServices) Proxy.newProxyInstance(CliServices.class.getClassLoader(), new Class<?>[] {CliServices.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findCachedOrders") && method.getParameterCount() == 0) {
                        FindCachedOrdersUseCase orders = real.findCachedOrders();
                        return new FindCachedOrdersUseCase() {
                            @Override
                            public CachedOrders findCachedOrders(CachedOrdersQuery query) {
                                return orders.findCachedOrders(query);
                            }

                            @Override
                            public void forEachCachedOrder(OrderCriteria criteria, Consumer<CachedOrder> action) {
                                read.forEach(criteria, action, orders);
                            }
                        };
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }
}
