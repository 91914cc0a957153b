package dev.pcorders.application.order.port.in;

import dev.pcorders.application.shared.port.in.SyncProgress;

/**
 * Fetches the orders of one or more customers and stores each customer's orders as one snapshot in
 * the local cache. One customer failing does not stop the others.
 */
public interface SyncOrdersUseCase {

    SyncResult syncOrders(SyncOrdersCommand command);

    /** As {@link #syncOrders(SyncOrdersCommand)}, telling {@code progress} of every page as it arrives. */
    default SyncResult syncOrders(SyncOrdersCommand command, SyncProgress progress) {
        return syncOrders(command);
    }
}
