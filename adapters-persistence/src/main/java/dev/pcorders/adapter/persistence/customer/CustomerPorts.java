package dev.pcorders.adapter.persistence.customer;

import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.application.customer.port.out.CachedCustomerReader;
import dev.pcorders.application.customer.port.out.CustomerChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import java.util.Objects;

/**
 * The customer cache's ports on the transactions of an open cache file: what the store hands out beside the order
 * ports ({@code CacheStore#customers()} and its siblings). Everything behind it stays package-private.
 */
public final class CustomerPorts {

    private final JooqCustomerCache cache;

    public CustomerPorts(Transactions transactions) {
        this.cache = new JooqCustomerCache(Objects.requireNonNull(transactions, "transactions"));
    }

    /** Where a customer list sync stores what it fetched. */
    public SnapshotStore<CustomerListScope, Customer> snapshots() {
        return cache;
    }

    /** The cached customer list, as readers see it. */
    public CachedCustomerReader customers() {
        return cache;
    }

    /** What customer list syncs found changed. */
    public CustomerChangeLog changes() {
        return cache;
    }
}
