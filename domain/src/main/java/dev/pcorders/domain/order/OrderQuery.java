package dev.pcorders.domain.order;

import dev.pcorders.domain.shared.CorrelationId;
import java.util.Objects;

/** One logical fetch of a scope from Partner Center; every page of it carries the same correlation id. */
public record OrderQuery(OrderScope scope, CorrelationId correlationId) {

    public OrderQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public static OrderQuery of(OrderScope scope) {
        return new OrderQuery(scope, CorrelationId.random());
    }
}
