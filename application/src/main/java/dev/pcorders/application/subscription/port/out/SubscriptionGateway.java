package dev.pcorders.application.subscription.port.out;

import dev.pcorders.application.shared.port.out.PageSource;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionScope;

/** Partner Center, as the place subscriptions come from: {@code GET /v1/customers/{customer_id}/subscriptions}. */
public interface SubscriptionGateway extends PageSource<SubscriptionScope, Subscription> {
}
