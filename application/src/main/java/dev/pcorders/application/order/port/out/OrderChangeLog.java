package dev.pcorders.application.order.port.out;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.List;
import java.util.Optional;

/**
 * What order syncs found different from the view before them, as {@link dev.pcorders.domain.order.OrderDifference#between}
 * defines it, in the order found. May throw {@link StoreException}.
 */
public interface OrderChangeLog {

    /** Change log entries, oldest first, optionally only of one customer and/or one run. */
    List<OrderChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run);
}
