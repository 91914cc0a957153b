package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.OrderChangesQuery;
import dev.pcorders.application.order.port.out.OrderRepository;
import dev.pcorders.domain.order.OrderChange;
import java.util.List;
import java.util.Objects;

public final class ListOrderChangesService implements ListOrderChangesUseCase {

    private final OrderRepository repository;

    public ListOrderChangesService(OrderRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public List<OrderChange> listOrderChanges(OrderChangesQuery query) {
        Objects.requireNonNull(query, "query");
        return repository.findChanges(query.customer(), query.run());
    }
}
