package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.order.OrderChange;
import java.util.List;

/** Reads the change log the syncs wrote: what was added, changed and removed, oldest first. */
public interface ListOrderChangesUseCase {

    List<OrderChange> listOrderChanges(OrderChangesQuery query);
}
