package dev.pcorders.adapter.http.subscription;

import dev.pcorders.application.subscription.port.out.SubscriptionGateway;

/** A {@link SubscriptionGateway} that owns an HTTP client: close it when the application stops. */
public interface CloseableSubscriptionGateway extends SubscriptionGateway, AutoCloseable {

    @Override
    void close();
}
