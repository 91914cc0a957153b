package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.out.OrderRepository;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderId;
import java.util.List;
import java.util.Objects;

public final class FindCachedOrderByIdService implements FindCachedOrderByIdUseCase {

    private final OrderRepository repository;

    public FindCachedOrderByIdService(OrderRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public List<CachedOrder> findCachedOrderById(OrderId id) {
        return repository.findOrdersById(Objects.requireNonNull(id, "id"));
    }
}
