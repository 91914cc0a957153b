package dev.pcorders.adapter.http.customer;

import dev.pcorders.application.customer.port.out.CustomerGateway;

/** A {@link CustomerGateway} that owns an HTTP client: close it when the application stops. */
public interface CloseableCustomerGateway extends CustomerGateway, AutoCloseable {

    @Override
    void close();
}
