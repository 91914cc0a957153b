package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.subscription.SubscriptionChange;
import java.util.List;

/** What subscription syncs found added, changed or removed, oldest first. */
public interface ListSubscriptionChangesUseCase {

    List<SubscriptionChange> listSubscriptionChanges(SubscriptionChangesQuery query);
}
