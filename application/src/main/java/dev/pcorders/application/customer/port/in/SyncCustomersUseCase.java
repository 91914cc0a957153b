package dev.pcorders.application.customer.port.in;

import dev.pcorders.domain.shared.CorrelationId;

/**
 * Fetches the partner's customer list and stores it as one snapshot in the local cache: all of it or, when Partner
 * Center fails part-way, nothing (the previous list stays whole).
 */
public interface SyncCustomersUseCase {

    /** Every request carries {@code correlationId} as MS-CorrelationId. */
    CustomerListSyncResult syncCustomers(CorrelationId correlationId);
}
