package dev.pcorders.application.customer.service;

import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.out.CachedCustomerReader;
import dev.pcorders.domain.customer.CachedCustomer;
import java.util.List;
import java.util.Objects;

public final class FindCachedCustomersService implements FindCachedCustomersUseCase {

    private final CachedCustomerReader reader;

    public FindCachedCustomersService(CachedCustomerReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public List<CachedCustomer> findCachedCustomers(boolean includeRemoved) {
        return reader.findCustomers(includeRemoved);
    }
}
