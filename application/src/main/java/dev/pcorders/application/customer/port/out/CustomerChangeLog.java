package dev.pcorders.application.customer.port.out;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.customer.CustomerChange;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.List;
import java.util.Optional;

/**
 * What customer list syncs found different from the list before them, as
 * {@link dev.pcorders.domain.customer.CustomerDifference#between} defines it. May throw {@link StoreException}.
 */
public interface CustomerChangeLog {

    /** Change log entries, oldest first, optionally only of one customer and/or one run. */
    List<CustomerChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run);
}
