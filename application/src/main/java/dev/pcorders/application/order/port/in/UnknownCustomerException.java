package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.shared.CustomerId;
import java.util.List;
import java.util.stream.Collectors;

/** A customer asked about that neither the cache nor the ledger knows: most likely a mistyped id, an input error. */
public final class UnknownCustomerException extends IllegalArgumentException {

    private final transient List<CustomerId> customers;

    public UnknownCustomerException(List<CustomerId> customers) {
        super("customer " + customers.stream().map(CustomerId::toString).collect(Collectors.joining(", "))
                + " is neither in the cache nor in the ledger; check the id, or sync the customer first");
        this.customers = List.copyOf(customers);
    }

    public List<CustomerId> customers() {
        return customers;
    }
}
