package dev.pcorders.domain.subscription;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cached subscriptions a reader wants. Every filter is optional and they combine with AND; the
 * offer id is compared ignoring case.
 */
public record SubscriptionCriteria(
        Optional<CustomerId> customer, Optional<Coded<SubscriptionStatus>> status, Optional<String> offerId) {

    public static final SubscriptionCriteria ALL =
            new SubscriptionCriteria(Optional.empty(), Optional.empty(), Optional.empty());

    public SubscriptionCriteria {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(offerId, "offerId");
    }

    public SubscriptionCriteria withCustomer(CustomerId value) {
        return new SubscriptionCriteria(Optional.of(value), status, offerId);
    }

    public SubscriptionCriteria withStatus(Coded<SubscriptionStatus> value) {
        return new SubscriptionCriteria(customer, Optional.of(value), offerId);
    }

    public SubscriptionCriteria withOfferId(String value) {
        return new SubscriptionCriteria(customer, status, Optional.of(value));
    }

    /** The rule every reader implements; the in-memory one applies it directly. */
    public boolean matches(Subscription subscription) {
        return customer.map(subscription.customer()::equals).orElse(true)
                && status.map(subscription.status()::sameValueAs).orElse(true)
                && offerId.map(subscription.offerId()::equalsIgnoreCase).orElse(true);
    }
}
