package dev.pcorders.application.customer.port.out;

import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;

/** Partner Center, as the place the partner's customer list comes from: {@code GET /v1/customers?size=N}. */
public interface CustomerGateway extends PageSource<CustomerListScope, Customer> {
}
