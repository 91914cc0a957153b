package dev.pcorders.application.subscription.port.out;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import dev.pcorders.domain.subscription.SubscriptionChange;
import java.util.List;
import java.util.Optional;

/**
 * What subscription syncs found different from the view before them, as
 * {@link dev.pcorders.domain.subscription.SubscriptionDifference#between} defines it. May throw {@link StoreException}.
 */
public interface SubscriptionChangeLog {

    /** Change log entries, oldest first, optionally only of one customer and/or one run. */
    List<SubscriptionChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run);
}
