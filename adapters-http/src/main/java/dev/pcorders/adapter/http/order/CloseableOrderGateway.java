package dev.pcorders.adapter.http.order;

import dev.pcorders.application.order.port.out.OrderGateway;

/** An {@link OrderGateway} that owns an HTTP client: close it when the application stops. */
public interface CloseableOrderGateway extends OrderGateway, AutoCloseable {

    @Override
    void close();
}
