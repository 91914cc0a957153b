package dev.pcorders.application.customer.port.out;

import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.customer.CachedCustomer;
import java.util.List;

/**
 * The read side of the customer cache: the partner's customer list as the last successful sync stored it. Every
 * method may throw {@link StoreException}; no driver exception crosses this port.
 */
public interface CachedCustomerReader {

    /**
     * The customers in the cached list, by company name (case-insensitive) then id; with {@code includeRemoved},
     * also those a later sync no longer found (listed after the current ones, in the same order).
     */
    List<CachedCustomer> findCustomers(boolean includeRemoved);
}
