package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.Objects;
import java.util.Optional;

/** Which change log entries to read: all, or those of one customer and/or one sync run. */
public record OrderChangesQuery(Optional<CustomerId> customer, Optional<SyncRunId> run) {

    public static final OrderChangesQuery ALL = new OrderChangesQuery(Optional.empty(), Optional.empty());

    public OrderChangesQuery {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(run, "run");
    }

    public OrderChangesQuery ofCustomer(CustomerId value) {
        return new OrderChangesQuery(Optional.of(value), run);
    }

    public OrderChangesQuery ofRun(SyncRunId value) {
        return new OrderChangesQuery(customer, Optional.of(value));
    }
}
