package dev.pcorders.application.order.service;

import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.OrderChangesQuery;
import dev.pcorders.application.order.port.out.OrderChangeLog;
import dev.pcorders.domain.order.OrderChange;
import java.util.List;
import java.util.Objects;

public final class ListOrderChangesService implements ListOrderChangesUseCase {

    private final OrderChangeLog changeLog;

    public ListOrderChangesService(OrderChangeLog changeLog) {
        this.changeLog = Objects.requireNonNull(changeLog, "changeLog");
    }

    @Override
    public List<OrderChange> listOrderChanges(OrderChangesQuery query) {
        Objects.requireNonNull(query, "query");
        return changeLog.findChanges(query.customer(), query.run());
    }
}
