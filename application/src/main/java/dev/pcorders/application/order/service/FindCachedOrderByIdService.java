package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderId;
import java.util.List;
import java.util.Objects;

public final class FindCachedOrderByIdService implements FindCachedOrderByIdUseCase {

    private final CachedOrderReader repository;

    public FindCachedOrderByIdService(CachedOrderReader repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public List<CachedOrder> findCachedOrderById(OrderId id) {
        List<CachedOrder> byId = repository.findOrdersById(Objects.requireNonNull(id, "id"));
        // Partner Center shows an order's alternate id in places (invoices, the portal) where people copy it from.
        return byId.isEmpty() ? repository.findOrdersByAlternateId(id.value()) : byId;
    }
}
