package dev.pcorders.application.subscription.port.in;

import dev.pcorders.domain.subscription.Subscription;
import java.util.List;

/** One slice of the cached subscriptions matching a query, and how many match in all. */
public record CachedSubscriptions(List<Subscription> subscriptions, long totalMatching) {

    public CachedSubscriptions {
        subscriptions = List.copyOf(subscriptions);
        if (totalMatching < subscriptions.size()) {
            throw new IllegalArgumentException("totalMatching (" + totalMatching
                    + ") is less than the subscriptions returned (" + subscriptions.size() + ")");
        }
    }
}
