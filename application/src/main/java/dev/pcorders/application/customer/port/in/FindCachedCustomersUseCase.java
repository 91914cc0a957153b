package dev.pcorders.application.customer.port.in;

import dev.pcorders.domain.customer.CachedCustomer;
import java.util.List;

/** The partner's customers as last synced, offline. */
public interface FindCachedCustomersUseCase {

    /** See {@link dev.pcorders.application.customer.port.out.CachedCustomerReader#findCustomers}. */
    List<CachedCustomer> findCachedCustomers(boolean includeRemoved);
}
