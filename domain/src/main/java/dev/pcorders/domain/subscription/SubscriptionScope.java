package dev.pcorders.domain.subscription;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.ResourceKind;
import java.util.Objects;

/**
 * What one fetch of a customer's subscriptions covers: every subscription of the customer. The API's
 * {@code order_id} and {@code mpn_id} filters are not used yet; adding one adds a key part.
 */
public record SubscriptionScope(CustomerId customer) implements CustomerScope {

    /** The name the cache records subscription syncs under. */
    public static final ResourceKind KIND = new ResourceKind("subscriptions");

    private static final String ALL = "all";

    public SubscriptionScope {
        Objects.requireNonNull(customer, "customer");
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    /** {@code all}: the only scope there is while no filter is taken. */
    @Override
    public String key() {
        return ALL;
    }

    /** The scope of {@code customer} whose {@link #key()} is {@code key}. */
    public static SubscriptionScope fromKey(CustomerId customer, String key) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(key, "key");
        if (!key.equals(ALL)) {
            throw new IllegalArgumentException(
                    "not a subscription scope key: " + InputQuote.quote(key) + " (expected " + ALL + ")");
        }
        return new SubscriptionScope(customer);
    }

    /** Whether a fetch of this scope would have returned {@code subscription}: every one of the customer's. */
    public boolean covers(Subscription subscription) {
        return Objects.requireNonNull(subscription, "subscription").customer().equals(customer);
    }
}
