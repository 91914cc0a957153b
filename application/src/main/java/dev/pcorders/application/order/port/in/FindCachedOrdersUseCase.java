package dev.pcorders.application.order.port.in;

/** Reads orders from the local cache only; never calls Partner Center. */
public interface FindCachedOrdersUseCase {

    CachedOrders findCachedOrders(CachedOrdersQuery query);
}
