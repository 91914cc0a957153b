package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.CachedOrders;
import dev.pcorders.application.order.port.in.CachedOrdersQuery;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.application.order.port.out.CachedOrderReader;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderCriteria;
import java.util.Objects;
import java.util.function.Consumer;

public final class FindCachedOrdersService implements FindCachedOrdersUseCase {

    private final CachedOrderReader repository;

    public FindCachedOrdersService(CachedOrderReader repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public CachedOrders findCachedOrders(CachedOrdersQuery query) {
        Objects.requireNonNull(query, "query");
        return new CachedOrders(
                repository.findOrders(query.criteria(), query.offset(), query.limit()),
                repository.countOrders(query.criteria()),
                repository.totalsByCurrency(query.criteria()));
    }

    @Override
    public void forEachCachedOrder(OrderCriteria criteria, Consumer<CachedOrder> action) {
        repository.forEachOrder(Objects.requireNonNull(criteria, "criteria"), Objects.requireNonNull(action, "action"));
    }
}
