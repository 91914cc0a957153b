package dev.pcorders.application.subscription.port.in;

import dev.pcorders.application.shared.port.in.SyncProgress;

/**
 * Fetches the subscriptions of one or more customers and stores each customer's as one snapshot in the local
 * cache. One customer failing does not stop the others.
 */
public interface SyncSubscriptionsUseCase {

    SyncSubscriptionsResult syncSubscriptions(SyncSubscriptionsCommand command);

    /** As {@link #syncSubscriptions(SyncSubscriptionsCommand)}, telling {@code progress} of every page as it arrives. */
    default SyncSubscriptionsResult syncSubscriptions(SyncSubscriptionsCommand command, SyncProgress progress) {
        return syncSubscriptions(command);
    }
}
